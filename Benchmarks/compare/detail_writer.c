/*
 * The writing lower bound: a minimal C program on libxlsxwriter (constant memory) writing the
 * month's detail rows, the same cells as report's 学习活动明细 sheet, read from a TSV export.
 *
 * Build: cc -O2 -o detail_writer detail_writer.c $(pkg-config --cflags --libs xlsxwriter)
 * Usage: detail_writer ROWS.tsv OUT.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: detail_writer ROWS.tsv OUT.xlsx\n"); return 64; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 66; }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "学习活动明细");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    char line[8192];
    lxw_row_t row = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = 0;
        char *fields[16];
        int n = 0;
        for (char *p = line; n < 16; n++) {
            fields[n] = p;
            char *tab = strchr(p, '\t');
            if (!tab) { n++; break; }
            *tab = 0;
            p = tab + 1;
        }
        /* date, unit, organization, kind, title, hours, participants, count, lead, note */
        worksheet_write_number(ws, row, 0, (double)row + 1, NULL);
        int y, m, d;
        if (n > 0 && sscanf(fields[0], "%d-%d-%d", &y, &m, &d) == 3) {
            lxw_datetime dt = {y, m, d, 0, 0, 0};
            worksheet_write_datetime(ws, row, 1, &dt, date);
        }
        for (int i = 1; i < n && i < 10; i++) {
            if (i >= 5 && i <= 7) worksheet_write_number(ws, row, i + 1, atof(fields[i]), NULL);
            else worksheet_write_string(ws, row, i + 1, fields[i], NULL);
        }
        row++;
    }
    fclose(in);
    lxw_error err = workbook_close(wb);
    if (err) { fprintf(stderr, "%s\n", lxw_strerror(err)); return 73; }
    printf("%u rows\n", row);
    return 0;
}
