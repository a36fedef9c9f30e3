import type {APIRoute, GetStaticPaths} from 'astro';
import {cityPaths} from '../../../lib/built-parts.ts';
import Papa from 'papaparse';
import {readIndicatorValues, readIndicators} from '../../../lib/published-data.ts';

/** One indicator's published values as JSON and CSV (with BOM), for embedding and scripts. */
export const getStaticPaths = (() =>
  cityPaths(() =>
    readIndicators().flatMap((indicator) => [
      {params: {file: `${indicator.id}.json`}, props: {id: indicator.id, format: 'json'}},
      {params: {file: `${indicator.id}.csv`}, props: {id: indicator.id, format: 'csv'}}
    ])
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({props}) => {
  const rows = readIndicatorValues().filter((v) => v.indicator_id === props.id);
  return props.format === 'json'
    ? new Response(JSON.stringify(rows))
    : new Response('\uFEFF' + Papa.unparse(rows, {newline: '\n'}) + '\n');
};
