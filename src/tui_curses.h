/*
 * tui_curses.h - the one place that includes curses (as htop's
 * ProvideCurses.h does): configure decides which header exists.
 * Only tui_*.c files include this.
 */
#ifndef KANBAO_TUI_CURSES_H
#define KANBAO_TUI_CURSES_H

#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#elif defined(HAVE_NCURSES_H)
#include <ncurses.h>
#else
#include <curses.h>
#endif

#endif
