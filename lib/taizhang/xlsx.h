#pragma once
/// XLSX workbooks for people to open and print: the attendance sheet laid out as offices
/// print it, and a report Document as one worksheet per section. Cells hold values, never
/// formulas: numbers as numbers, text as text, a Term as its shown() text; machine-only
/// columns are left out.
///
/// Each file is written whole or not at all (OutputFile): a failure leaves no file behind
/// and the target as it was, and throws Error(Status::io) naming the file.

#include "taizhang/config.h"
#include "taizhang/document.h"
#include "taizhang/render.h"

#include <filesystem>
#include <string>
#include <vector>

namespace taizhang {

/// The attendance sheet (attendance_sheet()) as the one worksheet of `file`: the heading's
/// text as a merged title row; the column labels (and, when heading.from is a date, each
/// day's weekday under its number) as header rows that stay in view and print on every
/// page; the columns before the first day (部门, 工号, 姓名) frozen; one narrow centred
/// column per day with its code, filled by kind (late or early, absent or a missing punch,
/// leave, trip or outing); the totals; subtotal and total rows (the machine-only `row`
/// column) bold on a fill; `legend` (attendance_legend()) below the table, a line a row.
/// Printed landscape on A4, one page wide, the page number in the footer.
void write_attendance_xlsx(const ReportHeading& heading, const Table& sheet, const std::string& legend,
                           const std::filesystem::path& file, Language language);

/// `doc` as a workbook of one worksheet per section, named after the section's title: the
/// title, the document's heading, the notes, then each table under its title with a bold
/// header row and columns as wide as their text (CJK characters counting two). A table
/// keyed "sheet" (the attendance sheet) gets a worksheet of its own, named after its
/// title and laid out as write_attendance_xlsx() does; its section's other tables and
/// notes stay on the section's worksheet. Charts are not drawn. A document without
/// sections is one worksheet holding its heading.
void write_document_xlsx(const Document& doc, const std::filesystem::path& file, Language language);

/// Worksheet names for `titles`, in order, as Excel accepts them: none of []:*?/\ (each
/// becomes "_") or control characters, no apostrophe first or last, at most 31 characters
/// (UTF-16 units), none blank (`fallback` instead), none the reserved "History", and all
/// different regardless of case (a later one gets " (2)", " (3)", … cut to fit).
std::vector<std::string> xlsx_sheet_names(const std::vector<std::string>& titles, const std::string& fallback);

}  // namespace taizhang
