/*
 * i18n.h - message translation (GNU gettext).
 *
 * _("text") translates a message where it is used; N_("text") marks one
 * in a static table, translated with _() when shown.  Without NLS
 * (configure --disable-nls) both are the text itself.  The catalogs are
 * po/zh_CN.po and po/zh_TW.po; main.c binds the text domain.
 */
#ifndef KANBAO_I18N_H
#define KANBAO_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	(s)
#endif
#define N_(s)	(s)

#endif
