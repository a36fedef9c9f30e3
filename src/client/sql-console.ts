import type {ExploreTable} from '../lib/explore-tables.ts';
import {DuckDBSession, QueryCancelled} from './duckdb-session.ts';
import type {QueryResult} from '../lib/query-result-types.ts';
import {resultCsv} from './result-csv.ts';
import {resultTable} from './result-table.ts';
import {fillPlaceholders} from '../lib/fill-placeholders.ts';

/** Rows a result keeps in the page; a larger result is cut there, and the page says so. */
export const ROW_LIMIT = 200_000;

type Messages = Record<string, string>;

/**
 * Wires the SQL console of /explore/: runs the query of the form (submit or
 * Ctrl/Cmd+Enter, an example link, or `?sql=` on opening the page, which runs
 * at once), keeps it in the URL as `?sql=`, shows the result as a paged table,
 * a chart and a CSV download, errors inline, and cancels on request.
 */
export function startSqlConsole(): void {
  const form = document.querySelector<HTMLFormElement>('#sql-console');
  if (!form) return;
  const textarea = form.querySelector<HTMLTextAreaElement>('#sql')!;
  const runButton = form.querySelector<HTMLButtonElement>('#sql-run')!;
  const cancelButton = form.querySelector<HTMLButtonElement>('#sql-cancel')!;
  const status = form.querySelector<HTMLElement>('#sql-status')!;
  const errorBox = document.querySelector<HTMLElement>('#sql-error')!;
  const resultSection = document.querySelector<HTMLElement>('#sql-result')!;
  const resultBody = document.querySelector<HTMLElement>('#sql-result-body')!;
  const messages = JSON.parse(form.dataset.messages!) as Messages;
  const tables = JSON.parse(form.dataset.tables!) as ExploreTable[];
  const locale = document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
  const count = (n: number) => n.toLocaleString(locale);
  const session = new DuckDBSession(tables);
  // How many queries have ended, and how the last one did: a script (or a test) waits on these.
  let runs = 0;
  const settle = (outcome: 'done' | 'error' | 'cancelled') => {
    form!.dataset.outcome = outcome;
    form!.dataset.runs = String(++runs);
  };

  async function run(sql: string) {
    if (session.busy || !sql.trim()) return;
    errorBox.hidden = true;
    errorBox.textContent = '';
    runButton.disabled = true;
    cancelButton.hidden = false;
    form!.setAttribute('aria-busy', 'true');
    status.textContent = messages['explore.running']!;
    try {
      const result = await session.run(sql, ROW_LIMIT);
      status.textContent = fillPlaceholders(messages['explore.done']!, {
        rows: count(result.rows.length),
        seconds: (result.ms / 1000).toFixed(2)
      });
      await showResult(result);
      settle('done');
    } catch (error) {
      resultSection.hidden = true;
      if (error instanceof QueryCancelled) {
        status.textContent = messages['explore.cancelled']!;
        settle('cancelled');
      } else {
        status.textContent = '';
        errorBox.textContent = `${messages['explore.error']}${errorMessage(error)}`;
        errorBox.hidden = false;
        settle('error');
      }
    } finally {
      runButton.disabled = false;
      cancelButton.hidden = true;
      form!.removeAttribute('aria-busy');
    }
  }

  async function showResult(result: QueryResult) {
    const parts: Node[] = [];
    resultSection.dataset.rows = String(result.rows.length);
    if (result.truncated)
      parts.push(paragraph(fillPlaceholders(messages['explore.truncated']!, {limit: count(ROW_LIMIT)})));
    if (!result.rows.length) parts.push(paragraph(messages['explore.noRows']!));
    else {
      parts.push(
        resultTable(result.columns, result.rows, {
          page: messages['explore.page']!,
          first: messages['explore.first']!,
          previous: messages['explore.previous']!,
          next: messages['explore.next']!,
          last: messages['explore.last']!,
          pager: messages['explore.pager']!,
          null: messages['explore.null']!,
          count
        }),
        downloadButton(result)
      );
    }
    resultBody.replaceChildren(...parts);
    resultSection.hidden = false;
    if (result.rows.length) resultBody.append(await chartFigure(result));
  }

  function downloadButton(result: QueryResult) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'download';
    button.textContent = messages['explore.download']!;
    button.addEventListener('click', () => {
      const blob = new Blob([resultCsv(result.columns, result.rows)], {type: 'text/csv;charset=utf-8'});
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'gongshi-query.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
    return button;
  }

  async function chartFigure(result: QueryResult) {
    // Plot is loaded with the first result, not with the page.
    const {chooseResultChart, resultChart, MAX_BARS, MAX_SERIES} = await import('../charts/result-chart.ts');
    const figure = document.createElement('figure');
    figure.className = 'result-chart';
    const caption = document.createElement('figcaption');
    caption.textContent = messages['explore.chart']!;
    const spec = chooseResultChart(result.columns);
    if (!spec) {
      figure.append(caption, paragraph(messages['explore.noChart']!));
      return figure;
    }
    const width = Math.min(960, resultBody.clientWidth || 640);
    figure.append(
      caption,
      resultChart(result.columns, result.rows, spec, {
        labels: {bar: messages['explore.chartBar']!, line: messages['explore.chartLine']!},
        width
      })
    );
    const categories = new Set(result.rows.map((r) => r[spec.kind === 'bar' ? spec.category : (spec.series ?? 0)]));
    const limit = spec.kind === 'bar' ? MAX_BARS : MAX_SERIES;
    if ((spec.kind === 'bar' || spec.series !== null) && categories.size > limit) {
      figure.append(paragraph(fillPlaceholders(messages['explore.chartPartial']!, {count: limit})));
    }
    return figure;
  }

  /** Runs `sql` and records it in the address bar (a new history entry when it changed). */
  function submit(sql: string) {
    const url = `${location.pathname}?sql=${encodeURIComponent(sql)}`;
    if (new URLSearchParams(location.search).get('sql') !== sql) history.pushState({sql}, '', url);
    void run(sql);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(textarea.value);
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit(textarea.value);
    }
  });
  cancelButton.addEventListener('click', () => session.cancel());
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-example]')) {
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || session.busy) return;
      event.preventDefault();
      textarea.value = link.dataset.sql!;
      textarea.focus();
      submit(textarea.value);
    });
  }
  window.addEventListener('popstate', () => {
    const sql = new URLSearchParams(location.search).get('sql');
    if (sql === null || session.busy) return;
    textarea.value = sql;
    void run(sql);
  });

  const initial = new URLSearchParams(location.search).get('sql');
  if (initial !== null) {
    textarea.value = initial;
    void run(initial);
  } else {
    // Start the engine while the reader writes the query.
    status.textContent = messages['explore.loading']!;
    session
      .start()
      .then(() => {
        if (!session.busy && status.textContent === messages['explore.loading']) status.textContent = '';
      })
      .catch((error: unknown) => {
        status.textContent = '';
        errorBox.textContent = errorMessage(error);
        errorBox.hidden = false;
      });
  }
}

function paragraph(text: string) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/**
 * DuckDB's words for an error. Some errors (the parser's) arrive as JSON
 * `{exception_type, exception_message}`: shown as DuckDB prints them,
 * "Parser Error: syntax error at or near …".
 */
function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(text) as {exception_type?: string; exception_message?: string};
    if (parsed.exception_type && parsed.exception_message) {
      return `${parsed.exception_type} Error: ${parsed.exception_message}`;
    }
  } catch {
    // Not JSON: DuckDB's message as it is.
  }
  return text;
}
