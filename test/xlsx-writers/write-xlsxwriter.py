# Writes a workbook spec (workbook-spec.ts, JSON in argv[1]) to an .xlsx (argv[2]) with XlsxWriter.
import datetime, json, sys
import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol

spec = json.load(open(sys.argv[1]))
book = xlsxwriter.Workbook(sys.argv[2], {'date_1904': bool(spec.get('date1904'))})
formats = {}

def fmt(code):
    if code is None:
        return None
    if code not in formats:
        formats[code] = book.add_format({'num_format': code})
    return formats[code]

def write(sheet, c):
    kind, value, f = c['kind'], c['value'], fmt(c.get('format'))
    row, col = xl_cell_to_rowcol(c['ref'])
    if kind == 'number':
        sheet.write_number(row, col, value, f)
    elif kind == 'string':
        sheet.write_string(row, col, value, f)
    elif kind == 'bool':
        sheet.write_boolean(row, col, value, f)
    elif kind == 'date':
        sheet.write_datetime(row, col, datetime.datetime.fromisoformat(value), f)
    elif kind == 'formula':
        if 'cached' in c:
            sheet.write_formula(row, col, '=' + value, f, c['cached'])
        else:
            sheet.write_formula(row, col, '=' + value, f)
    else:
        raise SystemExit('XlsxWriter writes no bare error cells: ' + c['ref'])

sheets = []
for sheet_spec in spec['sheets']:
    sheet = book.add_worksheet(sheet_spec['name'])
    sheets.append(sheet)
    merged = {area.split(':')[0]: area for area in sheet_spec.get('merges', [])}
    for c in sheet_spec['cells']:
        if c['ref'] in merged:
            sheet.merge_range(merged[c['ref']], c['value'], fmt(c.get('format')) or book.add_format())
        else:
            write(sheet, c)
    if sheet_spec.get('list'):
        sheet.data_validation(sheet_spec['list']['range'], {'validate': 'list', 'source': sheet_spec['list']['items']})
sheets[spec['active']].activate()
for sheet, sheet_spec in zip(sheets, spec['sheets']):
    if sheet_spec.get('hidden'):
        sheet.hide()
book.close()
