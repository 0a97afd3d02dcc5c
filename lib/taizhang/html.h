#pragma once
/// A report as one self-contained HTML5 page, to read on screen and to print on A4: the
/// monthly summary (a Document, with its charts drawn by svg_chart) and every other report
/// (a heading and its tables).
///
/// The page fetches nothing and runs nothing: UTF-8 with <meta charset>, lang="zh-CN" or
/// "en", an inline <style>, the charts as inline <svg>, no <script> and no address. Its
/// CSS prints on A4 (`@page { size: A4 }`) with the office and the report's line at the
/// top of every page after the first and "page / pages" at the foot; each section after
/// the first starts a page; rows never split across pages and a table's header row is
/// repeated on each page it runs over; a section with a table of more than 12 columns is
/// printed on landscape pages.
///
/// What it shows: a header with the heading's line (the office, the report, its period), and
/// above it the office's name when the line does not start with it;
/// then each section as an <h2> with its title, its notes as paragraphs (a note that
/// starts with label "note_warning" — "注意" or "Warning", in either language — is framed
/// as a warning), each chart as a <figure> with the title as <figcaption>, and each table
/// under its title as <h3>. Tables leave out machine-only columns, show a Term as its
/// shown(), booleans as label "yes"/"no", null as an empty cell, and right-align numbers
/// (int64 and double cells, and the heading of a column of numbers); a table without rows
/// says so in one cell. Every text is escaped; line breaks in a value show as line breaks,
/// other control characters are made visible and bytes that are not UTF-8 replaced.

#include "taizhang/config.h"
#include "taizhang/document.h"
#include "taizhang/render.h"

#include <ostream>
#include <vector>

namespace taizhang {

/// Writes `d` as an HTML page in `language` (the words the page adds: lang, "yes", "no",
/// the charts' units, "no data").
void render_document_html(const Document& d, std::ostream& out, Language language);

/// Writes a report of several tables (render_report's arguments) as a page of one section:
/// `t` first, without a title, then each of `sections` under its title. The section has no
/// <h2>, since the page's <h1> already names the report.
void render_report_html(const ReportHeading& heading, const Table& t, const std::vector<ReportSection>& sections,
                        std::ostream& out, Language language);

}  // namespace taizhang
