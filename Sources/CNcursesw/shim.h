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
static inline int rb_color_pairs(void) { return COLOR_PAIRS; }
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

/* ---- Terminal set-up and restoration (used by NcursesBackend only) ---- */
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <stdlib.h>
#include <errno.h>

/* Key codes above ncurses' own, bound with define_key to sequences ncurses
   does not know: bracketed paste and Ctrl/Alt with arrows (xterm style). */
enum {
    RB_KEY_PASTE_START = KEY_MAX + 1,
    RB_KEY_PASTE_END,
    RB_KEY_CTRL_LEFT,
    RB_KEY_CTRL_RIGHT,
    RB_KEY_ALT_LEFT,
    RB_KEY_ALT_RIGHT,
};

static inline void rb_define_keys(void) {
    define_key("\033[200~", RB_KEY_PASTE_START);
    define_key("\033[201~", RB_KEY_PASTE_END);
    define_key("\033[1;5D", RB_KEY_CTRL_LEFT);
    define_key("\033[1;5C", RB_KEY_CTRL_RIGHT);
    define_key("\033[1;3D", RB_KEY_ALT_LEFT);
    define_key("\033[1;3C", RB_KEY_ALT_RIGHT);
    /* What terminals send whatever TERM says: xterm's normal and application
       modes, VT220/PuTTY/tmux (ESC [ n ~), rxvt (ESC [ 7~ / 8~) and the Linux
       console's F1-F5 (ESC [ [ A-E). A sequence the terminfo entry already
       names is bound again to the same key, which changes nothing. */
    static const struct { const char *seq; int key; } common[] = {
        { "\033[H", KEY_HOME }, { "\033OH", KEY_HOME }, { "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
        { "\033[F", KEY_END }, { "\033OF", KEY_END }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
        { "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
        { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
        { "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
        { "\033OA", KEY_UP }, { "\033OB", KEY_DOWN }, { "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
        { "\033[Z", KEY_BTAB },
        { "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
        { "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
        { "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) }, { "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
        { "\033[[E", KEY_F(5) },
        { "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
        { "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) }, { "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
    };
    for (unsigned i = 0; i < sizeof common / sizeof common[0]; i++) define_key(common[i].seq, common[i].key);
}

/* Whether `term` is known and can address the cursor, checked before
   anything is drawn: 0 yes, -1 unknown, -2 no cursor addressing (dumb). */
static inline int rb_check_term(const char *term) {
    int err = 0;
    if (setupterm((char *)term, 1, &err) != OK) {
        /* err 0 means "not found" or "generic" (like dumb): an entry that
           tgetent can read exists but is generic. */
        if (err != 0) return -1;
        int found = tgetent(NULL, term);
        if (cur_term) del_curterm(cur_term);
        return found == 1 ? -2 : -1;
    }
    char *cup = tigetstr("cup");
    int ok = !(cup == NULL || cup == (char *)-1);
    del_curterm(cur_term);
    return ok ? 0 : -2;
}

/* A program started from a thread that blocked signals inherits the mask. */
static inline void rb_unblock_all_signals(void) {
    sigset_t all;
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
}

/* SIGINT, SIGTERM, SIGHUP and SIGQUIT only set a flag (and interrupt get_wch):
   the run loop sees it and leaves through the one path that restores the terminal. */
static volatile sig_atomic_t rb_signal_seen = 0;
static inline void rb_flag_signal(int sig) { rb_signal_seen = sig; }
static inline void rb_install_quit_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = rb_flag_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns at once */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
}
static inline int rb_take_signal(void) { int s = rb_signal_seen; rb_signal_seen = 0; return s; }

/* On a crash (a Swift trap is SIGILL or SIGTRAP) the terminal is put back as
   it was and the captured error output is shown, then the signal goes on. */
/* Aggregates behind functions: Swift's importer emits static scalars of a
   header but not static structs or arrays. */
static inline struct termios *rb_saved_termios_slot(void) { static struct termios t; return &t; }
#define rb_saved_termios (*rb_saved_termios_slot())
static int rb_have_termios = 0;
static inline char *rb_restore_sequence_slot(void) { static char s[256]; return s; }
#define rb_restore_sequence (rb_restore_sequence_slot())
static int rb_stderr_copy = -1;
static int rb_stderr_capture = -1;

static inline void rb_replay_stderr(void) {
    if (rb_stderr_copy < 0 || rb_stderr_capture < 0) return;
    dup2(rb_stderr_copy, 2);
    char buf[4096];
    lseek(rb_stderr_capture, 0, SEEK_SET);
    ssize_t n;
    while ((n = read(rb_stderr_capture, buf, sizeof buf)) > 0) {
        ssize_t w = write(2, buf, (size_t)n); (void)w;
    }
    close(rb_stderr_capture);
    close(rb_stderr_copy);
    rb_stderr_capture = rb_stderr_copy = -1;
}

static inline void rb_crash_restore(int sig) {
    if (rb_have_termios) tcsetattr(0, TCSANOW, &rb_saved_termios);
    ssize_t w = write(1, rb_restore_sequence, strlen(rb_restore_sequence)); (void)w;
    rb_replay_stderr();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Saves the terminal modes and the escape sequence that undoes the screen
   set-up, sends error output to a hidden file while the screen is in use,
   and installs the crash handlers. */
/* Called before ncurses changes any terminal mode. */
static inline void rb_save_termios(void) {
    if (tcgetattr(0, &rb_saved_termios) == 0) rb_have_termios = 1;
}

static inline void rb_prepare_restore(const char *sequence) {
    strncpy(rb_restore_sequence, sequence, 255);
    char path[] = "/tmp/rundbord-stderr-XXXXXX";
    int fd = mkstemp(path);
    if (fd >= 0) {
        unlink(path);
        rb_stderr_copy = dup(2);
        rb_stderr_capture = fd;
        dup2(fd, 2);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = rb_crash_restore;
    sigemptyset(&sa.sa_mask);
    int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &sa, NULL);
}

/* After a normal end: the crash handlers go, captured error output is shown. */
static inline void rb_finish_restore(void) {
    int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) signal(crashes[i], SIG_DFL);
    rb_replay_stderr();
}

static inline void rb_write_stdout(const char *s) {
    fputs(s, stdout);
    fflush(stdout);
}
#endif
