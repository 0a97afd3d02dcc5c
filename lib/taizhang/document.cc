#include "taizhang/document.h"

#include "taizhang/error.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace taizhang {

using json = nlohmann::ordered_json;

void render_document_md(const Document& d, std::ostream& out, const RenderOptions& opt) {
  out << "# " << md_text(d.heading.text) << "\n";
  for (const DocumentSection& s : d.sections) {
    out << "\n## " << md_text(s.title) << "\n";
    for (const std::string& note : s.notes) out << "\n> " << md_text(note) << "\n";
    for (const ReportSection& t : s.tables) {
      out << "\n### " << md_text(t.title) << "\n\n";
      if (t.table.rows.empty() && !d.empty.empty()) {
        out << md_text(d.empty) << "\n";
      } else {
        render(t.table, Format::md, out, opt);
      }
    }
  }
}

void render_document_table(const Document& d, std::ostream& out, const RenderOptions& opt) {
  out << d.heading.text << "\n";
  for (const DocumentSection& s : d.sections) {
    out << "\n【" << s.title << "】\n";
    for (const std::string& note : s.notes) out << "\n" << note << "\n";
    for (const ReportSection& t : s.tables) {
      out << "\n" << t.title << "\n\n";
      if (t.table.rows.empty() && !d.empty.empty()) {
        out << d.empty << "\n";
      } else {
        render(t.table, Format::table, out, opt);
      }
    }
  }
}

void render_document_json(const Document& d, std::ostream& out, const RenderOptions& opt) {
  json doc = json::object();
  doc["office"] = d.heading.office;
  doc["report"] = d.heading.report;
  doc["period"] = {{"from", d.heading.from}, {"to", d.heading.to}};
  for (const auto& filter : d.heading.filters) doc[filter.key] = filter.value;
  json sections = json::array();
  for (const DocumentSection& s : d.sections) {
    json section = {{"key", s.key}, {"title", s.title}, {"notes", s.notes}};
    json charts = json::array();
    for (const Chart& c : s.charts) {
      charts.push_back({{"key", c.key},
                        {"title", c.title},
                        {"kind", c.kind == Chart::Kind::stacked ? "stacked" : "grouped"},
                        {"unit", c.unit},
                        {"series", c.series},
                        {"categories", c.categories},
                        {"values", c.values}});
    }
    section["charts"] = std::move(charts);
    json tables = json::object();
    for (const ReportSection& t : s.tables) {
      // Each table as render() writes it in JSON: one code path for every report's rows.
      std::ostringstream rows;
      render(t.table, Format::json, rows, opt);
      tables[t.key] = json::parse(rows.str());
    }
    section["tables"] = std::move(tables);
    sections.push_back(std::move(section));
  }
  doc["sections"] = std::move(sections);
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

void render_document_csv(const Document& d, const std::string& key, std::ostream& out, const RenderOptions& opt) {
  std::string known;
  for (const DocumentSection& s : d.sections) {
    for (const ReportSection& t : s.tables) {
      const std::string name = s.key + "." + t.key;
      if (name == key) {
        render(t.table, Format::csv, out, opt);
        return;
      }
      known += (known.empty() ? "" : ", ") + name;
    }
  }
  throw Error(Status::usage, fmt::format("{}: CSV holds one table of the document; --part is one of: {}",
                                         key.empty() ? "no --part" : "no table " + key, known));
}

}  // namespace taizhang
