// HyperTune dashboard: what the inline SVG charts do under the pointer, in the browser alone (no packages, no round trip):
// a tooltip naming the trial under the pointer, its value and key hyperparameters; that trial's marks highlighted in every
// chart (also while its table row is hovered); a click opening the trial; and brushing on the parallel-coordinates axes,
// handed to the server through the plot's hidden input. Everything is delegated from the document, so it keeps working
// as Blazor re-renders the charts.
(() => {
  'use strict';
  const NEAR = 24; // how close (SVG units) the pointer must be to a curve's point
  const vertices = new WeakMap(); // path element -> { d, points: [[x, y], ...] }
  let tooltip = null;
  let style = null;
  let hovered = null; // the trial under the pointer in a chart
  let rowHovered = null; // the trial whose table row is under the pointer
  let brush = null; // the drag in progress

  function tip() {
    if (!tooltip) {
      tooltip = document.createElement('div');
      tooltip.className = 'tooltip';
      tooltip.setAttribute('role', 'tooltip');
      tooltip.setAttribute('data-testid', 'chart-tooltip');
      tooltip.hidden = true;
      document.body.appendChild(tooltip);
    }
    return tooltip;
  }

  function showTip(lines, event) {
    const t = tip();
    t.replaceChildren(...lines.filter(l => l).map((line, i) => {
      const div = document.createElement('div');
      div.textContent = line;
      if (i === 0) div.className = 'tip-title';
      return div;
    }));
    t.hidden = false;
    const x = event.clientX + 14, y = event.clientY + 14;
    const w = t.offsetWidth, h = t.offsetHeight;
    t.style.left = Math.min(x, window.innerWidth - w - 8) + window.scrollX + 'px';
    t.style.top = (y + h > window.innerHeight ? event.clientY - h - 10 : y) + window.scrollY + 'px';
  }

  function hideTip() {
    if (tooltip) tooltip.hidden = true;
  }

  // One style rule highlights a trial everywhere; Blazor never touches it, so re-renders keep the highlight.
  function highlight() {
    const id = hovered || rowHovered;
    style ??= document.head.appendChild(document.createElement('style'));
    if (!id) {
      style.textContent = '';
      document.documentElement.removeAttribute('data-highlight');
      return;
    }
    const sel = `[data-trial="${CSS.escape(id)}"]`;
    document.documentElement.setAttribute('data-highlight', id);
    style.textContent =
      `svg.plot path.curve:not(${sel}){stroke-opacity:.18}` +
      `svg.plot path.curve${sel}{stroke-width:3;stroke-opacity:1}` +
      `svg.plot polyline.pc-line:not(${sel}){stroke-opacity:.12}` +
      `svg.plot polyline.pc-line${sel}{stroke-width:3.5;stroke-opacity:1}` +
      `svg.plot circle.dot${sel}{r:6;stroke:#111827;stroke-width:2}` +
      `table.trials tr${sel} td{background:#eef2ff}`;
  }

  function svgPoint(svg, event) {
    const matrix = svg.getScreenCTM();
    if (!matrix) return null;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return [p.x, p.y];
  }

  function pointsOf(path) {
    const d = path.getAttribute('d') || '';
    const cached = vertices.get(path);
    if (cached && cached.d === d) return cached.points;
    const points = [];
    for (const m of d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) points.push([+m[1], +m[2]]);
    vertices.set(path, { d, points });
    return points;
  }

  // The curve point nearest the pointer: its path and vertex index.
  function nearestCurve(svg, at) {
    let best = null, bestDistance = NEAR * NEAR;
    for (const path of svg.querySelectorAll('path.curve[data-trial]')) {
      const points = pointsOf(path);
      for (let i = 0; i < points.length; i++) {
        const dx = points[i][0] - at[0], dy = points[i][1] - at[1];
        const distance = dx * dx + dy * dy;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = { path, index: i };
        }
      }
    }
    return best;
  }

  function onChartMove(svg, event) {
    if (svg.dataset.hover === 'curves') {
      const at = svgPoint(svg, event);
      const near = at && nearestCurve(svg, at);
      if (!near) return leaveChart();
      const path = near.path;
      const xs = (path.dataset.x || '').split(','), ys = (path.dataset.y || '').split(',');
      const metric = path.dataset.metric === 'learning_rate' ? 'learning rate' : path.dataset.metric;
      hovered = path.dataset.trial;
      showTip([path.dataset.label || `trial ${path.dataset.trial}`, `epoch ${xs[near.index]} · ${metric} ${ys[near.index]}`, 'click to open the trial'], event);
    } else {
      const mark = event.target.closest && event.target.closest('[data-tip]');
      if (!mark || mark.classList.contains('pc-brush-area')) return leaveChart();
      hovered = mark.dataset.trial || null;
      showTip([mark.dataset.tip, hovered ? 'click to open the trial' : ''], event);
    }
    highlight();
  }

  function leaveChart() {
    hideTip();
    if (hovered) {
      hovered = null;
      highlight();
    }
  }

  function open(trialId) {
    const url = `/trials/${encodeURIComponent(trialId)}`;
    if (window.Blazor && typeof window.Blazor.navigateTo === 'function') window.Blazor.navigateTo(url);
    else window.location.assign(url);
  }

  // Brushing: a drag along a parallel-coordinates axis.
  function brushStart(area, event) {
    const svg = area.ownerSVGElement;
    const at = svgPoint(svg, event);
    if (!at) return;
    event.preventDefault();
    area.setPointerCapture(event.pointerId);
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('class', 'pc-brush drawing');
    rect.setAttribute('x', +area.getAttribute('x') + 5);
    rect.setAttribute('width', 18);
    rect.setAttribute('y', at[1]);
    rect.setAttribute('height', 0);
    svg.appendChild(rect);
    brush = { area, svg, rect, from: at[1], to: at[1] };
  }

  function brushMove(event) {
    const at = svgPoint(brush.svg, event);
    if (!at) return;
    const top = +brush.area.dataset.top, height = +brush.area.dataset.height;
    brush.to = Math.min(top + height, Math.max(top, at[1]));
    brush.rect.setAttribute('y', Math.min(brush.from, brush.to));
    brush.rect.setAttribute('height', Math.abs(brush.to - brush.from));
  }

  function brushEnd() {
    const { area, rect, from, to } = brush;
    brush = null;
    rect.remove();
    const top = +area.dataset.top, height = +area.dataset.height;
    const position = y => Math.min(1, Math.max(0, 1 - (y - top) / height));
    const [low, high] = [position(Math.max(from, to)), position(Math.min(from, to))];
    const input = area.closest('figure')?.querySelector('input.pc-brush-input');
    if (!input) return;
    input.value = JSON.stringify({ axis: area.dataset.axis, low, high });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  document.addEventListener('pointermove', event => {
    if (brush) return brushMove(event);
    const svg = event.target.closest && event.target.closest('svg.plot');
    if (svg) onChartMove(svg, event);
    else if (hovered) leaveChart();
  });

  document.addEventListener('pointerdown', event => {
    const area = event.target.closest && event.target.closest('.pc-brush-area');
    if (area && event.button === 0) brushStart(area, event);
  });

  document.addEventListener('pointerup', () => {
    if (brush) brushEnd();
  });

  // A click opens the trial under the pointer now (the page may have moved since the last pointer move).
  document.addEventListener('click', event => {
    if (event.target.closest && event.target.closest('.pc-brush-area')) return;
    const svg = event.target.closest && event.target.closest('svg.plot');
    if (!svg) return;
    let trial = null;
    if (svg.dataset.hover === 'curves') {
      const at = svgPoint(svg, event);
      const near = at && nearestCurve(svg, at);
      trial = near ? near.path.dataset.trial : null;
    } else {
      const mark = event.target.closest('[data-trial]');
      trial = mark && !mark.classList.contains('pc-brush-area') ? mark.dataset.trial : null;
    }
    if (trial) open(trial);
  });

  document.addEventListener('pointerover', event => {
    const row = event.target.closest && event.target.closest('table.trials tr[data-trial]');
    const id = row ? row.dataset.trial : null;
    if (id !== rowHovered) {
      rowHovered = id;
      highlight();
    }
  });
})();
