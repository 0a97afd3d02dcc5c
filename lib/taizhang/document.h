#pragma once
/// A report as a document (`report monthly`): its heading, then sections — one per ledger —
/// each with notes, charts and tables, all typed, so that Markdown, HTML (html.h, with its
/// charts drawn as SVG), XLSX (xlsx.h) and JSON are views of one value, and each section's
/// tables are the very tables of that ledger's own report.

#include "taizhang/render.h"

#include <ostream>
#include <string>
#include <vector>

namespace taizhang {

/// A bar chart's data, already in the office's language. values[c][s] is category c's value
/// of series s; a category is a bar (or a group of bars), a series a colour in the legend.
struct Chart {
  enum class Kind {
    stacked,  ///< one bar per category, its series stacked (present / leave / trip / absent)
    grouped,  ///< the series side by side per category (credited beside required)
  };
  std::string key;    ///< stable: "attendance_by_department"
  std::string title;  ///< what people read above it
  Kind kind = Kind::stacked;
  std::string unit;                     ///< of the values: "天", "次", "学时", "%"
  std::vector<std::string> series;      ///< legend, in stacking order
  std::vector<std::string> categories;  ///< the bars' labels, in order
  std::vector<std::vector<double>> values;
};

struct DocumentSection {
  std::string key;                 ///< stable: "attendance", "study", "plans", "rules", "findings"
  std::string title;               ///< in the office's language
  std::vector<std::string> notes;  ///< lines printed before the tables (a warning, "nothing this month")
  std::vector<Chart> charts;
  std::vector<ReportSection> tables;  ///< each with its key, its title and the table
};

struct Document {
  ReportHeading heading;
  std::vector<DocumentSection> sections;
  std::string empty;  ///< what a table without rows shows for people ("无", "none")
};

/// Markdown: the heading as a title, each section as a `##` heading with its notes and its
/// tables as pipe tables under `###` titles (charts are left to HTML and XLSX).
void render_document_md(const Document& d, std::ostream& out, const RenderOptions& opt = {});

/// For a terminal: the heading, then each section's title, notes and tables as render()
/// draws them.
void render_document_table(const Document& d, std::ostream& out, const RenderOptions& opt = {});

/// JSON: {"office", "report", "period": {"from", "to"}, filters…, "sections": [{"key",
/// "title", "notes", "charts": [{"key", "title", "unit", "series", "categories", "values"}],
/// "tables": {KEY: [rows as render()'s JSON objects]}}]}.
void render_document_json(const Document& d, std::ostream& out, const RenderOptions& opt = {});

/// CSV: one table, `key` ("attendance.departments"), as render() writes it; Status::usage
/// naming the tables there are when there is no such table.
void render_document_csv(const Document& d, const std::string& key, std::ostream& out, const RenderOptions& opt = {});

}  // namespace taizhang
