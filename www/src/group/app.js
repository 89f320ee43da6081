// Placeholder until the group view is built here.
export async function startGroup(ctx) {
  ctx.parts.main.textContent = '';
  return {};
}
