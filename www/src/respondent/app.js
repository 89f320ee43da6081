// Placeholder until the respondent app moves here (the form, charts, result, hand-over).
import { sizeCanvas, markFirstChart } from '../first-chart.js';

export async function startRespondent(ctx) {
  const { parts, model, lang, read } = ctx;
  const response = read.state === 'draft' ? read.draft.response : model.scan.emptyResponse();
  if (!ctx.firstChartDrawn) {
    sizeCanvas(parts.conceptsCanvas);
    const report = model.scan.analyse([response]);
    model.scan.drawConcepts(parts.conceptsCanvas, report, lang);
    markFirstChart();
  }
  return { response, report: null };
}
