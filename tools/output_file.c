/*
 * The output of -o FILE, by what FILE is:
 *  - a regular file, or a name that does not exist yet: replaced atomically.
 *    The output goes to a temporary file beside it, renamed over it only when
 *    everything succeeded, so a reader sees the old file or the whole new one
 *    and a failure leaves the old one. The replacement keeps the old file's
 *    permissions (a new one gets 0666 less the umask).
 *  - a symbolic link: followed to the file it ends at, which is replaced as
 *    above (or created, for a dangling link), so the link stays a link.
 *  - a FIFO, a device or another special file: written directly, as standard
 *    output is, and a write error is an error. Renaming over it would put a
 *    regular file where the device node was.
 *  - a directory: an error, before anything is read.
 */
#define _POSIX_C_SOURCE 200809L

#include "output_file.h"

#include "cli_common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* As many links as Linux follows before ELOOP. */
#define MAX_LINKS 40

/* The target of link `path` (its lstat in *st), relative to the link's
 * directory when not absolute. NULL with errno set on failure. */
static char *read_link(const char *path, const struct stat *st)
{
    size_t size = st->st_size > 0 ? (size_t)st->st_size + 1 : 256;
    const char *slash;
    char *buf, *joined;
    size_t dir_len;
    ssize_t n;

    for (;;) {
        buf = malloc(size);
        if (!buf)
            return NULL;
        n = readlink(path, buf, size);
        if (n < 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < size)
            break;
        /* Truncated: the link changed since lstat; try a larger buffer. */
        free(buf);
        size *= 2;
    }
    buf[n] = '\0';
    slash = strrchr(path, '/');
    if (buf[0] == '/' || !slash)
        return buf;
    dir_len = (size_t)(slash - path) + 1;
    joined = malloc(dir_len + (size_t)n + 1);
    if (joined) {
        memcpy(joined, path, dir_len);
        memcpy(joined + dir_len, buf, (size_t)n + 1);
    }
    free(buf);
    return joined;
}

/* The file at the end of path's symbolic links (malloc), with its lstat in
 * *st and *exists telling whether it exists. NULL after a message. */
static char *follow_links(const char *path, struct stat *st, int *exists)
{
    char *cur = malloc(strlen(path) + 1);
    int hops;
    if (!cur) {
        cli_msg("out of memory");
        return NULL;
    }
    memcpy(cur, path, strlen(path) + 1);
    for (hops = 0;; hops++) {
        char *next;
        if (lstat(cur, st) != 0) {
            if (errno == ENOENT) {
                *exists = 0;
                return cur;
            }
            break;
        }
        if (!S_ISLNK(st->st_mode)) {
            *exists = 1;
            return cur;
        }
        if (hops == MAX_LINKS) {
            errno = ELOOP;
            break;
        }
        next = read_link(cur, st);
        if (!next)
            break;
        free(cur);
        cur = next;
    }
    cli_msg("%s: %s", path, strerror(errno));
    free(cur);
    return NULL;
}

/* A FIFO, device or socket, opened for writing as it is. */
static FILE *open_direct(cli_output *o, const char *path)
{
    int fd = open(path, O_WRONLY | O_NOCTTY);
    FILE *f;
    if (fd < 0) {
        cli_msg("%s: %s", o->name, strerror(errno));
        return NULL;
    }
    f = fdopen(fd, "w");
    if (!f) {
        cli_msg("%s: %s", o->name, strerror(errno));
        close(fd);
    }
    return f;
}

/* A temporary file beside o->target, to be renamed over it. */
static FILE *open_replacement(cli_output *o)
{
    size_t n = strlen(o->target);
    int fd;
    FILE *f;

    o->tmp = malloc(n + sizeof ".tmp.XXXXXX");
    if (!o->tmp) {
        cli_msg("out of memory");
        return NULL;
    }
    memcpy(o->tmp, o->target, n);
    memcpy(o->tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
    fd = mkstemp(o->tmp);
    if (fd < 0) {
        cli_msg("%s: cannot create a temporary file: %s", o->name, strerror(errno));
        return NULL;
    }
    f = fdopen(fd, "w");
    if (!f) {
        cli_msg("%s: %s", o->name, strerror(errno));
        close(fd);
        unlink(o->tmp);
    }
    return f;
}

FILE *cli_output_open(cli_output *o, const char *path)
{
    struct stat st;
    int exists;

    memset(o, 0, sizeof *o);
    if (!path) {
        o->f = stdout;
        return o->f;
    }
    o->name = path;
    o->target = follow_links(path, &st, &exists);
    if (!o->target)
        return NULL;
    if (exists && S_ISDIR(st.st_mode)) {
        cli_msg("%s: write error: %s", path, strerror(EISDIR));
    } else if (exists && !S_ISREG(st.st_mode)) {
        o->f = open_direct(o, o->target);
    } else {
        if (exists) {
            o->mode = st.st_mode & 07777;
        } else {
            mode_t mask = umask(0);
            umask(mask);
            o->mode = 0666 & ~mask;
        }
        o->f = open_replacement(o);
    }
    if (!o->f) {
        free(o->tmp);
        free(o->target);
        memset(o, 0, sizeof *o);
    }
    return o->f;
}

int cli_output_close(cli_output *o, int status)
{
    FILE *f = o ? o->f : stdout;
    const char *name = o && o->name ? o->name : "standard output";
    int werr = 0, saved = 0;

    if (fflush(f) != 0 || ferror(f)) {
        werr = 1;
        saved = errno;
    }
    if (f != stdout) {
        /* A replacement must be on disk before it takes the old file's name. */
        if (o->tmp && !werr && fsync(fileno(f)) != 0 && errno != EINVAL) {
            werr = 1;
            saved = errno;
        }
        if (fclose(f) != 0 && !werr) {
            werr = 1;
            saved = errno;
        }
    }
    if (o && o->tmp) {
        /* mkstemp creates the file 0600. */
        if (status == 0 && !werr &&
            (chmod(o->tmp, o->mode) != 0 || rename(o->tmp, o->target) != 0)) {
            werr = 1;
            saved = errno;
        }
        if (status != 0 || werr)
            unlink(o->tmp);
    }
    if (o) {
        free(o->tmp);
        free(o->target);
        memset(o, 0, sizeof *o);
    }
    if (werr) {
        cli_msg("%s: write error: %s", name, saved ? strerror(saved) : "unknown error");
        return 1;
    }
    return status;
}
