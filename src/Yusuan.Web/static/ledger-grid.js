// The ledger grid of /versions/{id}/ledger: reads the page's JSON block (#ledger-data), shows the ledger in a Tabulator grid
// and, on saving, posts the whole ledger as JSON ({ header, rows }) in the form's one hidden field. No inline script: the
// site's Content-Security-Policy allows only its own files.
(function () {
  'use strict';
  const block = document.getElementById('ledger-data');
  if (!block || typeof Tabulator === 'undefined') {
    return;
  }

  const data = JSON.parse(block.textContent);
  const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const status = document.getElementById('grid-status');

  // Problems by line and column index; a problem without a column is the whole line's.
  const problems = new Map();
  for (const p of data.problems) {
    const key = p.row + ':' + p.column;
    problems.set(key, (problems.get(key) ? problems.get(key) + '；' : '') + p.reason);
  }

  const problemOf = (cell, index) => {
    const line = cell.getRow().getData()._line;
    return problems.get(line + ':' + index) || null;
  };

  // A figure typed with thousands separators or spaces is still the figure; anything else is left as typed, for the
  // server to name.
  const asAmount = (value) => {
    const text = (value === null || value === undefined ? '' : String(value)).replace(/[,，\s]/g, '');
    return /^-?\d+(\.\d{1,2})?$/.test(text) ? Number(text) : null;
  };

  // What a cell holds is text, never markup: Tabulator puts a formatter's string into the page as HTML.
  const text = (value) => String(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

  const render = (c, index) => (cell) => {
    const element = cell.getElement();
    const problem = problemOf(cell, index);
    element.classList.toggle('cell-problem', problem !== null);
    if (problem !== null) {
      element.title = problem;
      element.setAttribute('aria-invalid', 'true');
    }

    const value = cell.getValue();
    if (c.editor === 'money') {
      const amount = asAmount(value);
      return amount === null ? text(value || '') : money.format(amount);
    }

    if (c.editor === 'code' && value && c.codes[value]) {
      return text(c.codes[value]);
    }

    return value === null || value === undefined ? '' : text(value);
  };

  const definition = (c, index) => {
    const column = { title: text(c.title), field: c.field, headerSort: false, formatter: render(c, index), headerTooltip: text(c.header) };
    switch (c.editor) {
      case 'list':
        return { ...column, editor: 'list', editorParams: { values: c.choices, listOnEmpty: true, autocomplete: false, placeholderEmpty: '没有可选的项', placeholderLoading: '正在加载……' } };
      case 'code':
        return {
          ...column,
          editor: 'list',
          editorParams: { values: c.codes, autocomplete: true, freetext: true, allowEmpty: true, listOnEmpty: true, maxWidth: true, placeholderEmpty: '没有匹配的科目', placeholderLoading: '正在查找……' },
        };
      case 'money':
        return {
          ...column,
          editor: 'input',
          hozAlign: 'right',
          minWidth: 130,
          bottomCalc: (values) => values.reduce((sum, v) => sum + (asAmount(v) || 0) * 100, 0) / 100,
          bottomCalcFormatter: (cell) => money.format(cell.getValue() || 0),
        };
      default:
        return { ...column, editor: 'input' };
    }
  };

  // The columns a budget officer works in first, then the rest in the ledger's order.
  const first = ['agency_code', 'exp_func_code', 'dep_bgt_eco_code', 'exp_kind', 'fund_type_code', 'amount'];
  const indexed = data.columns.map((c, index) => ({ c, index }));
  const ordered = [
    ...first.map((e) => indexed.find((x) => x.c.element === e)).filter((x) => x),
    ...indexed.filter((x) => !first.includes(x.c.element)),
  ];
  const columns = ordered.map((x, position) => ({ ...definition(x.c, x.index), frozen: position === 0 }));

  const rows = data.rows.map((r, i) => {
    const row = { _line: i + 2 };
    data.columns.forEach((c, index) => { row[c.field] = r[index] === undefined ? '' : r[index]; });
    return row;
  });

  let changed = false;
  const table = new Tabulator('#ledger-grid', {
    data: rows,
    columns,
    height: '65vh',
    layout: 'fitDataFill',
    columnCalcs: 'table',
    rowHeader: {
      title: '行', field: '_line', headerSort: false, resizable: false, frozen: true, hozAlign: 'right', width: 64,
      formatter: (cell) => {
        const line = cell.getValue();
        cell.getRow().getElement().id = line ? 'row-' + line : '';
        const whole = line ? problems.get(line + ':-1') : null;
        if (whole) {
          cell.getElement().classList.add('cell-problem');
          cell.getElement().title = whole;
        }

        return line ? String(line) : '新增';
      },
    },
    selectableRange: 1,
    selectableRangeColumns: true,
    selectableRangeRows: true,
    selectableRangeClearCells: true,
    editTriggerEvent: 'dblclick',
    clipboard: true,
    clipboardCopyStyled: false,
    clipboardCopyConfig: { rowHeaders: false, columnHeaders: false },
    clipboardCopyRowRange: 'range',
    clipboardPasteParser: 'range',
    clipboardPasteAction: 'range',
    placeholder: '没有明细：点“新增一行”，或从 Excel 粘贴',
  });

  const count = () => {
    status.textContent = '共 ' + table.getDataCount() + ' 行' + (changed ? '（有未保存的修改）' : '');
  };

  // A line a link names (#row-12: from a finding, or from the problems above) is scrolled to and marked.
  const show = (line) => {
    const row = table.getRows().find((r) => r.getData()._line === line);
    if (!row) {
      return;
    }

    table.scrollToRow(row, 'center', false).then(() => {
      document.querySelectorAll('.row-target').forEach((e) => e.classList.remove('row-target'));
      row.getElement().classList.add('row-target');
    });
  };

  table.on('tableBuilt', () => {
    count();
    const match = /^#row-(\d+)$/.exec(window.location.hash);
    if (match) {
      show(Number(match[1]));
    }
  });
  table.on('dataChanged', () => { changed = true; count(); });

  // A cell once changed is no longer what the last save named: its mark goes until the next save says otherwise.
  table.on('cellEdited', (cell) => {
    const index = data.columns.findIndex((c) => c.field === cell.getField());
    if (problems.delete(cell.getRow().getData()._line + ':' + index)) {
      cell.getElement().removeAttribute('aria-invalid');
      cell.getElement().removeAttribute('title');
      cell.getRow().reformat();
    }
  });
  window.addEventListener('hashchange', () => {
    const match = /^#row-(\d+)$/.exec(window.location.hash);
    if (match) {
      show(Number(match[1]));
    }
  });

  document.getElementById('add-row').addEventListener('click', () => {
    table.addRow({ _line: null }, false).then((row) => table.scrollToRow(row, 'bottom', false));
    changed = true;
    count();
  });
  document.getElementById('delete-rows').addEventListener('click', () => {
    const chosen = new Set();
    for (const range of table.getRanges()) {
      for (const row of range.getRows()) {
        chosen.add(row);
      }
    }

    chosen.forEach((row) => row.delete());
    changed = changed || chosen.size > 0;
    count();
  });

  const form = document.getElementById('ledger-form');
  form.addEventListener('submit', () => {
    const header = data.columns.map((c) => c.header);
    const body = table.getData().map((d) => data.columns.map((c) => (d[c.field] === null || d[c.field] === undefined ? '' : String(d[c.field]))));
    document.getElementById('grid-field').value = JSON.stringify({ header, rows: body });
    changed = false;
  });
  window.addEventListener('beforeunload', (event) => {
    if (changed) {
      event.preventDefault();
    }
  });
})();
