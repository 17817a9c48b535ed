export interface ChartTableData {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** A chart's numbers as a table only screen readers see: the text alternative of a canvas. */
export function ChartTable({ data }: { data: ChartTableData }) {
  return (
    <table className="visually-hidden">
      <caption>{data.caption}</caption>
      <thead>
        <tr>
          {data.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
