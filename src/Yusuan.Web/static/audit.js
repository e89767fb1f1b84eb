// The audit page: once a file is sent, the page says the audit is running (the answer, the report, replaces the page
// when it comes) and the button cannot send it twice.
(function () {
  'use strict';
  const form = document.getElementById('audit-form');
  if (!form) {
    return;
  }

  form.addEventListener('submit', () => {
    const start = document.getElementById('start');
    const status = document.getElementById('audit-status');
    status.hidden = false;
    start.disabled = true;
    start.textContent = '正在审计……';
  });
})();
