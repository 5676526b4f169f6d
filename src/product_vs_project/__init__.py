"""Product vs Project: the guide's data, and the Markdown extension that turns it into pages.

Nothing in this package imports MkDocs. Where things are:
- models.py, data_files.py: the shape of every record, and every data file declared once;
- loading.py (with yaml_lines.py, data_errors.py, references.py, evidence.py): read data/,
  check it, report every problem with its file and line;
- markdown_extension.py: the Python-Markdown extension (markers, citations, tables);
- scanner.py, markers.py, citations.py, references_list.py: what the extension does;
- renderers/: what each marker generates; pages.py: the pages generated from data;
- export.py: the open data export; field_reference.py: the Contribute page's field reference.
"""
