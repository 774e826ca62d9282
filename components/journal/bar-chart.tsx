import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * A bar chart (Chart.js) of one value per label. The canvas is an image to screen readers with
 * its title; the same figures follow as a table for them.
 */
export function BarChart(props: {
  title: string;
  labels: string[];
  values: (number | null)[];
  unit: string;
  format(v: number): string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const color = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || '#1d4ed8';
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [{ label: props.title, data: [], backgroundColor: color }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { callbacks: { label: (ctx) => props.format(Number(ctx.raw ?? 0)) } } },
        scales: { y: { beginAtZero: true, title: { display: true, text: props.unit } } },
      },
    });
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = props.labels;
    c.data.datasets[0]!.data = props.values;
    c.update();
  }, [props.labels.join(), props.values.join()]);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div class="canvas">
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
      <table class="visually-hidden">
        <caption>{props.title}</caption>
        <tbody>
          {props.labels.map((l, i) => {
            const v = props.values[i];
            return (
              <tr key={l}>
                <th scope="row">{l}</th>
                <td>{v === null || v === undefined ? '—' : props.format(v)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
