/* Benchbook flame graph: SVG, no dependencies, works offline. window.BenchbookFlame.draw(id, data). */
window.BenchbookFlame = window.BenchbookFlame || (function () {
  var NS = 'http://www.w3.org/2000/svg';
  var ROW = 18;

  function el(tag, attrs, parent, svg) {
    var e = svg ? document.createElementNS(NS, tag) : document.createElement(tag);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); } }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function hash(s) {
    var h = 0;
    for (var i = 0; i < s.length; i++) { h = (h * 31 + s.charCodeAt(i)) | 0; }
    return Math.abs(h);
  }

  function pct(x) { return (100 * x).toFixed(1) + '%'; }

  function amount(v, unit) {
    if (unit !== 'bytes') { return v.toLocaleString('en-US') + ' ' + unit; }
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
  }

  function color(n, d) {
    if (n.m) { return '#c026d3'; }
    if (d.diff) {
      var t = Math.max(-1, Math.min(1, (n.v / d.total - n.b) * 5));
      var c = Math.round(235 * (1 - Math.abs(t)) + 20);
      return t >= 0 ? 'rgb(255,' + c + ',' + c + ')' : 'rgb(' + c + ',' + c + ',255)';
    }
    var h = hash(n.n);
    if (n.n.charAt(0) === '(') { return '#d1d5db'; }
    if (/^(java|javax|jdk|sun|com\.sun)\./.test(n.n)) { return 'hsl(' + (45 + h % 12) + ',75%,' + (62 + h % 12) + '%)'; }
    return 'hsl(' + (8 + h % 28) + ',82%,' + (55 + h % 10) + '%)';
  }

  function draw(id, d) {
    var host = document.getElementById(id);
    if (!host) { return; }
    host.textContent = '';
    var nodes = [];
    var stack = [[d.root, null, 0]];
    while (stack.length) {
      var top = stack.pop();
      var n = top[0];
      n.p = top[1];
      n.depth = top[2];
      nodes.push(n);
      (n.c || []).forEach(function (c) { stack.push([c, n, top[2] + 1]); });
    }
    var head = el('div', { style: 'font-weight:600;margin:4px 0' }, host);
    head.textContent = d.title;
    var bar = el('div', { style: 'display:flex;gap:8px;align-items:center;margin:4px 0' }, host);
    var search = el('input', { type: 'search', placeholder: 'search frames (regex)', 'class': 'benchbook-flame-search',
      style: 'font:inherit;padding:2px 6px;width:260px' }, bar);
    var reset = el('button', { type: 'button', 'class': 'benchbook-flame-reset', style: 'font:inherit' }, bar);
    reset.textContent = 'Reset zoom';
    var status = el('span', { 'class': 'benchbook-flame-status', style: 'color:#4b5563' }, bar);
    var box = el('div', { style: 'overflow-x:hidden' }, host);
    var info = el('div', { 'class': 'benchbook-flame-info', style: 'min-height:1.4em;color:#111827;margin-top:4px;' +
      'font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all' }, host);
    if (d.diff) {
      var legend = el('div', { style: 'color:#4b5563;margin-top:2px' }, host);
      legend.textContent = 'Width: the candidate\'s samples. Colour: change of each path\'s share against the base ' +
        '(red grew, blue shrank, white unchanged; full colour at 20 points).';
    }
    var zoom = d.root;

    function describe(n) {
      var s = n.n + ' \u2014 ' + amount(n.v, d.unit) + ' (' + pct(n.v / d.total) + ' of all';
      if (zoom !== d.root && zoom.v > 0) { s += ', ' + pct(n.v / zoom.v) + ' of the zoomed frame'; }
      s += '); self ' + amount(n.s, d.unit);
      if (d.diff) {
        var delta = 100 * (n.v / d.total - n.b);
        s += '; base ' + pct(n.b) + ' \u2192 candidate ' + pct(n.v / d.total) + ' (' + (delta >= 0 ? '+' : '') +
          delta.toFixed(1) + ' pts)';
      }
      return s;
    }

    function render() {
      var width = Math.max(200, box.clientWidth || host.clientWidth || 1000);
      box.textContent = '';
      var svg = el('svg', { width: width, 'class': 'benchbook-flame-svg', role: 'img' }, box, true);
      var drawn = 0;
      var deepest = zoom.depth;
      function frame(n, x, w, dim) {
        var g = el('g', { 'class': 'benchbook-flame-frame', cursor: 'pointer' }, svg, true);
        el('rect', { x: x.toFixed(2), y: n.depth * ROW, width: Math.max(0.5, w - 0.5).toFixed(2), height: ROW - 1,
          fill: color(n, d), 'fill-opacity': dim ? 0.5 : 1, rx: 1 }, g, true);
        var t = el('title', {}, g, true);
        t.textContent = describe(n);
        if (w > 28) {
          var chars = Math.floor((w - 6) / 6.6);
          var label = n.n.length > chars ? n.n.substring(0, Math.max(1, chars - 1)) + '\u2026' : n.n;
          var tx = el('text', { x: (x + 3).toFixed(2), y: n.depth * ROW + 13, 'font-size': 11, fill: '#111827',
            'pointer-events': 'none' }, g, true);
          tx.textContent = label;
        }
        g.addEventListener('click', function () { zoom = n; render(); });
        g.addEventListener('mouseover', function () { info.textContent = describe(n); });
        drawn++;
        deepest = Math.max(deepest, n.depth);
      }
      for (var a = zoom.p; a; a = a.p) { frame(a, 0, width, true); }
      var scale = zoom.v > 0 ? width / zoom.v : 0;
      var todo = [[zoom, 0]];
      while (todo.length) {
        var item = todo.pop();
        var n = item[0];
        var w = n.v * scale;
        if (w < 0.3) { continue; }
        frame(n, item[1], w, false);
        var cx = item[1];
        (n.c || []).forEach(function (c) { todo.push([c, cx]); cx += c.v * scale; });
      }
      svg.setAttribute('height', (deepest + 1) * ROW);
      svg.setAttribute('data-frames', drawn);
      host.setAttribute('data-drawn', 'true');
      reset.disabled = zoom === d.root;
    }

    function find() {
      var q = search.value;
      var re = null;
      if (q) {
        try { re = new RegExp(q, 'i'); } catch (e) { re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'); }
      }
      var matched = 0;
      nodes.forEach(function (n) { n.m = re !== null && re.test(n.n); });
      nodes.forEach(function (n) {
        if (!n.m) { return; }
        for (var a = n.p; a; a = a.p) { if (a.m) { return; } }
        matched += n.v;
      });
      status.textContent = re === null ? '' : 'matched: ' + amount(matched, d.unit) + ' (' + pct(matched / d.total) + ')';
      render();
    }

    search.addEventListener('input', find);
    reset.addEventListener('click', function () { zoom = d.root; render(); });
    var pending = null;
    window.addEventListener('resize', function () {
      if (pending) { clearTimeout(pending); }
      pending = setTimeout(render, 150);
    });
    render();
  }

  return { draw: draw };
})();
