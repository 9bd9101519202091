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

/*
 * term.h for tputs(), asked for by defining TUI_CURSES_TERM and including
 * this again after every other header: only tui_overlay.c writes to the
 * terminal around curses, and term.h's capability macros (lines, columns,
 * ...) would rename fields of the headers that follow it.
 */
#if defined(TUI_CURSES_TERM) && !defined(KANBAO_TUI_CURSES_TERM)
#define KANBAO_TUI_CURSES_TERM
#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/term.h>
#else
#include <term.h>
#endif
#endif
