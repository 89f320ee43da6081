// The anchor of `cargo xtask bench`: the six-concept radar of Netwerkscan, drawn with
// Chart.js the way a trainer who picks a chart library would draw it. Same data (the
// concept means of examples/anna-gemeente.json), same canvas size (`?size=`, the CSS
// size of the page's radar) and devicePixelRatio, animation off, and the same mark
// once the chart is drawn. bench/run.mjs sets the data as `window.benchAnchorData` before
// the page loads (ids, Dutch labels and means from `netwerkscan report --json` of that
// file) and checks that the chart drew them, so a change to the scoring or the
// instrument cannot make the charts differ.

/* global Chart */

const params = new URLSearchParams(window.location.search);

// Without data from the driver (the page opened by hand): Anna's means under
// instrument version 1.
const CONCEPTS = window.benchAnchorData ?? {
  ids: ['gelijkwaardigheid', 'respect', 'vrijheid', 'verantwoording', 'transparantie', 'vertrouwen'],
  labels: ['Gelijkwaardigheid', 'Respect', 'Vrijheid', 'Verantwoording', 'Transparantie', 'Vertrouwen'],
  means: [13 / 3, 4, 13 / 3, 11 / 3, 4, 11 / 3],
};

const BLUE = 'rgb(0, 114, 178)';

/** "4,33": two decimals with a comma, as the Netwerkscan radar labels its axes. */
function score(value) {
  return value.toFixed(2).replace('.', ',');
}

const size = Number(params.get('size')) || 334;
const canvas = document.getElementById('radar');
// With `responsive: false` Chart.js takes the canvas's width and height as its CSS
// size and multiplies the backing store by devicePixelRatio itself.
canvas.width = size;
canvas.height = size;

const chart = new Chart(canvas, {
  type: 'radar',
  data: {
    labels: CONCEPTS.labels.map((label, i) => [label, score(CONCEPTS.means[i])]),
    datasets: [
      {
        label: 'Gemiddelde',
        data: [...CONCEPTS.means],
        borderColor: BLUE,
        backgroundColor: 'rgba(0, 114, 178, 0.22)',
        pointBackgroundColor: BLUE,
        borderWidth: 2,
      },
    ],
  },
  options: {
    responsive: false,
    animation: false,
    devicePixelRatio: window.devicePixelRatio || 1,
    scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } },
    plugins: {
      title: { display: true, text: 'Gezonde relaties' },
      legend: { display: false },
    },
  },
});
performance.mark('netwerkscan:first-chart');

// For the driver: the chart (to time `update`) and the data it drew.
window.benchAnchor = { chart, concepts: CONCEPTS };
