/*
 * The floor of the benchmark: the least work any indexer of the journal must do, namely find
 * the Markdown files, read them and run libcmark over them. `journal index` is judged as a
 * multiple of this time, so it has to do no more than that (no front-matter, no output).
 *
 *   cmark_bare DIR     walk DIR the way journal's FileWalker does
 *   cmark_bare -       read one file path per line on stdin
 *
 * Prints "FILES BYTES" on stdout.
 *
 * The walk skips what the format says is not read (dot-folders such as .journal/, and the
 * top-level exports/ and templates/), so that the floor covers the same files as the index
 * even after an index exists.
 */
#define _POSIX_C_SOURCE 200809L /* getline, lstat */
#include <cmark.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static long long files, bytes;
static char *buffer;
static size_t capacity;

static void die(const char *what, const char *path) {
    fprintf(stderr, "cmark_bare: %s: %s\n", what, path);
    exit(2);
}

static void parse_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    /* One growing buffer for every file: allocation is not what the floor should measure. */
    size_t length = 0;
    for (;;) {
        if (length == capacity) {
            capacity = capacity ? capacity * 2 : 1 << 16;
            buffer = realloc(buffer, capacity);
            if (!buffer) die("out of memory reading", path);
        }
        size_t n = fread(buffer + length, 1, capacity - length, f);
        length += n;
        if (n == 0) break;
    }
    if (ferror(f)) die("cannot read", path);
    fclose(f);
    cmark_node *document = cmark_parse_document(buffer, length, CMARK_OPT_DEFAULT);
    if (!document) die("cmark could not parse", path);
    cmark_node_free(document);
    files++;
    bytes += (long long)length;
}

static int ends_with_md(const char *name) {
    size_t n = strlen(name);
    return n > 3 && strcasecmp(name + n - 3, ".md") == 0;
}

static void walk(const char *dir, int top) {
    DIR *d = opendir(dir);
    if (!d) die("cannot open folder", dir);
    struct dirent *entry;
    while ((entry = readdir(d))) {
        const char *name = entry->d_name;
        if (name[0] == '.') continue;
        if (top && (strcmp(name, "exports") == 0 || strcmp(name, "templates") == 0)) continue;
        size_t size = strlen(dir) + strlen(name) + 2;
        char *path = malloc(size);
        if (!path) die("out of memory at", dir);
        snprintf(path, size, "%s/%s", dir, name);
        struct stat info;
        /* lstat: like the index, do not follow linked folders (no loops, no escaping). */
        if (lstat(path, &info) == 0) {
            if (S_ISDIR(info.st_mode))
                walk(path, 0);
            else if (S_ISREG(info.st_mode) && ends_with_md(name))
                parse_file(path);
        }
        free(path);
    }
    closedir(d);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: cmark_bare DIR | cmark_bare - < file-list\n");
        return 2;
    }
    if (strcmp(argv[1], "-") == 0) {
        char *line = NULL;
        size_t size = 0;
        ssize_t n;
        while ((n = getline(&line, &size, stdin)) > 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
            if (n > 0) parse_file(line);
        }
        free(line);
    } else {
        walk(argv[1], 1);
    }
    free(buffer);
    printf("%lld %lld\n", files, bytes);
    return 0;
}
