#ifndef RUNDBORD_NCURSES_SHIM_H
#define RUNDBORD_NCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D flags: switch the wide-character API on here. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Macros and globals that do not import into Swift. */
static inline WINDOW *rb_stdscr(void) { return stdscr; }
static inline int rb_lines(void) { return LINES; }
static inline int rb_cols(void) { return COLS; }
static inline int rb_key_f(int n) { return KEY_F(n); }
static inline attr_t rb_a_normal(void) { return A_NORMAL; }
static inline attr_t rb_a_bold(void) { return A_BOLD; }
static inline attr_t rb_a_reverse(void) { return A_REVERSE; }
static inline attr_t rb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rb_a_dim(void) { return A_DIM; }
static inline attr_t rb_color_pair(int n) { return COLOR_PAIR(n); }
static inline int rb_wcwidth(wchar_t c) { return wcwidth(c); }
static inline mmask_t rb_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t rb_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t rb_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t rb_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline const char *rb_codeset(void) { return nl_langinfo(CODESET); }
static inline SCREEN *rb_newterm(const char *term) { return newterm(term, stdout, stdin); }
#endif
