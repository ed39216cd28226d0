/* kg graph page: reads the data JSON, draws it with vis-network, wires search,
 * filters, tooltips and the details panel.
 *
 * Safety rule of this file: text from the graph is only ever put into the page
 * with textContent (through el()/text()) or as vis-network canvas labels; never
 * with innerHTML, insertAdjacentHTML, document.write or HTML tooltips.
 */
(function () {
  'use strict';

  var started = performance.now();
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var nodes = data.nodes;
  var edges = data.edges;
  var sentences = data.sentences;
  var articles = data.articles;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var WIKIDATA_ITEM = /^Q[1-9][0-9]*$/;
  var LABEL_MAX = 42;

  var typeStyle = {};
  data.types.forEach(function (t) { typeStyle[t.type] = t; });
  var edgesOf = nodes.map(function () { return []; });
  edges.forEach(function (e) {
    edgesOf[e.from].push(e.id);
    if (e.to !== e.from) { edgesOf[e.to].push(e.id); }
  });
  var topSet = data.top ? new Set(data.top) : null;

  var state = {
    types: new Set(data.types.map(function (t) { return t.type; })),
    relations: new Set(data.relations.map(function (r) { return r.relation; })),
    article: -1,
    countriesOnly: false,
    showAll: !topSet
  };
  var visibleNodes = new Set();
  var visibleEdges = new Set();

  window.kgStats = {
    nodes: nodes.length,
    edges: edges.length,
    articles: articles.length,
    visibleNodes: 0,
    visibleEdges: 0,
    readyMs: null,
    scriptMs: null
  };

  // ------------------------------------------------------------------ DOM helpers

  function $(id) { return document.getElementById(id); }

  /** Create an element; text goes in with textContent only. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return parent;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function truncate(text, max) {
    text = String(text);
    return text.length > max ? text.slice(0, max - 1) + '\u2026' : text;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function fold(text) {
    return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }

  function darken(hex, factor) {
    var m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!m) { return hex; }
    var parts = [m[1], m[2], m[3]].map(function (h) {
      var v = Math.round(parseInt(h, 16) * factor);
      return ('0' + Math.max(0, Math.min(255, v)).toString(16)).slice(-2);
    });
    return '#' + parts.join('');
  }

  /** A small SVG icon of a node shape, for the legend and the panel. */
  function icon(type, size) {
    var style = typeStyle[type] || { color: '#868e96', shape: 'dot' };
    size = size || 16;
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('aria-hidden', 'true');
    var shape;
    var points = {
      triangle: '8,1.5 15,14.5 1,14.5',
      diamond: '8,0.8 15.2,8 8,15.2 0.8,8',
      hexagon: '4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8',
      triangleDown: '1,1.5 15,1.5 8,14.5',
      star: '8,0.8 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6'
    };
    if (style.shape === 'square') {
      shape = document.createElementNS(SVG_NS, 'rect');
      shape.setAttribute('x', '2'); shape.setAttribute('y', '2');
      shape.setAttribute('width', '12'); shape.setAttribute('height', '12');
    } else if (points[style.shape]) {
      shape = document.createElementNS(SVG_NS, 'polygon');
      shape.setAttribute('points', points[style.shape]);
    } else {
      shape = document.createElementNS(SVG_NS, 'circle');
      shape.setAttribute('cx', '8'); shape.setAttribute('cy', '8'); shape.setAttribute('r', '6.5');
    }
    shape.setAttribute('fill', style.color);
    shape.setAttribute('stroke', darken(style.color, 0.7));
    shape.setAttribute('stroke-width', '1');
    svg.appendChild(shape);
    return svg;
  }

  function articleName(index) {
    var a = articles[index];
    if (!a) { return 'unknown article'; }
    return a.title || a.source || a.iri;
  }

  function articleCite(index) {
    var a = articles[index];
    var cite = el('cite', null, articleName(index));
    if (a) {
      var extra = [];
      if (a.title && a.source) { extra.push(a.source); }
      if (a.publisher) { extra.push(a.publisher); }
      if (a.date) { extra.push(a.date); }
      if (extra.length) { cite.appendChild(document.createTextNode(' \u2014 ' + extra.join(', '))); }
    }
    return cite;
  }

  function sentenceBlock(index, max) {
    var s = sentences[index];
    var frag = document.createDocumentFragment();
    append(frag, el('blockquote', null, max ? truncate(s.text, max) : s.text));
    if (s.article !== null && s.article !== undefined) { append(frag, articleCite(s.article)); }
    return frag;
  }

  function typeLabel(node) {
    return node.type + (node.kind === 'event' ? ' (event)' : '');
  }

  // ------------------------------------------------------------------ vis data

  function nodeSize(node) {
    return Math.min(11 + 4.5 * Math.sqrt(node.degree), 42);
  }

  function visNode(node) {
    var style = typeStyle[node.type] || { color: '#868e96', shape: 'dot' };
    var border = darken(style.color, 0.7);
    return {
      id: node.id,
      label: truncate(node.label, LABEL_MAX),
      x: node.x,
      y: node.y,
      shape: style.shape,
      size: nodeSize(node),
      color: {
        background: style.color,
        border: border,
        highlight: { background: style.color, border: '#111111' },
        hover: { background: style.color, border: '#111111' }
      },
      borderWidth: 1.5,
      borderWidthSelected: 3
    };
  }

  /** Parallel edges between the same two nodes bend apart; a lone edge is straight. */
  function edgeCurves() {
    var groups = {};
    edges.forEach(function (e) {
      var key = Math.min(e.from, e.to) + ' ' + Math.max(e.from, e.to);
      (groups[key] = groups[key] || []).push(e);
    });
    var curves = {};
    Object.keys(groups).forEach(function (key) {
      var group = groups[key];
      group.forEach(function (e, i) {
        var offset = group.length % 2 === 1
          ? (i === 0 ? 0 : (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2))
          : (i % 2 === 0 ? 1 : -1) * (Math.floor(i / 2) + 1);
        if (e.from > e.to) { offset = -offset; }
        if (e.from === e.to) { curves[e.id] = { enabled: true, type: 'dynamic' }; return; }
        curves[e.id] = offset === 0
          ? { enabled: false }
          : { enabled: true, type: offset > 0 ? 'curvedCW' : 'curvedCCW', roundness: 0.2 * Math.abs(offset) };
      });
    });
    return curves;
  }

  function visEdges() {
    var curves = edgeCurves();
    return edges.map(function (e) {
      var n = e.sentences.length;
      return {
        id: e.id,
        from: e.from,
        to: e.to,
        label: e.relation,
        width: n === 0 ? 1 : 1 + 1.5 * Math.log2(1 + n),
        dashes: n === 0,
        arrows: { to: { enabled: !e.symmetric, scaleFactor: 0.55 } },
        smooth: curves[e.id]
      };
    });
  }

  // ------------------------------------------------------------------ filters

  function nodeAllowed(node) {
    if (!state.types.has(node.type)) { return false; }
    if (state.countriesOnly && !(node.type === 'Country' || node.kind === 'event')) { return false; }
    if (!state.showAll && topSet && !topSet.has(node.id)) { return false; }
    if (state.article >= 0 && node.articles.indexOf(state.article) < 0) { return false; }
    return true;
  }

  function edgeAllowed(edge) {
    if (!visibleNodes.has(edge.from) || !visibleNodes.has(edge.to)) { return false; }
    if (!state.relations.has(edge.relation)) { return false; }
    if (state.article >= 0 && edge.sentences.length > 0) {
      return edge.sentences.some(function (s) { return sentences[s].article === state.article; });
    }
    return true;
  }

  var nodesDS = new vis.DataSet(nodes.map(visNode));
  var edgesDS = new vis.DataSet(visEdges());
  var nodeView = new vis.DataView(nodesDS, { filter: function (item) { return visibleNodes.has(item.id); } });
  var edgeView = new vis.DataView(edgesDS, { filter: function (item) { return visibleEdges.has(item.id); } });

  function computeVisible() {
    visibleNodes = new Set();
    nodes.forEach(function (n) { if (nodeAllowed(n)) { visibleNodes.add(n.id); } });
    visibleEdges = new Set();
    edges.forEach(function (e) { if (edgeAllowed(e)) { visibleEdges.add(e.id); } });
  }

  function updateCounts() {
    window.kgStats.visibleNodes = nodeView.length;
    window.kgStats.visibleEdges = edgeView.length;
    var parts = [];
    if (nodeView.length === nodes.length) {
      parts.push(plural(nodes.length, 'node', 'nodes'));
    } else {
      parts.push(nodeView.length + ' of ' + plural(nodes.length, 'node', 'nodes'));
    }
    if (edgeView.length === edges.length) {
      parts.push(plural(edges.length, 'relation', 'relations'));
    } else {
      parts.push(edgeView.length + ' of ' + plural(edges.length, 'relation', 'relations'));
    }
    parts.push(plural(articles.length, 'article', 'articles'));
    $('kg-counts').textContent = parts.join(' \u00b7 ');
  }

  function applyFilters(fit) {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
    updateNote();
    if (fit && network && visibleNodes.size) {
      network.fit({ nodes: Array.from(visibleNodes), animation: false });
    }
  }

  function updateNote() {
    if (!topSet) { return; }
    var note = $('kg-note');
    note.hidden = false;
    if (state.showAll) {
      $('kg-note-text').textContent = 'Showing all ' + nodes.length + ' nodes.';
      $('kg-show-all').textContent = 'Show only the ' + topSet.size + ' most connected';
    } else {
      $('kg-note-text').textContent = 'Large graph: showing the ' + topSet.size +
        ' most connected of ' + nodes.length + ' nodes.';
      $('kg-show-all').textContent = 'Show all ' + nodes.length + ' nodes';
    }
  }

  function buildLegend() {
    var list = $('kg-legend');
    data.types.forEach(function (t) {
      var item = el('li', t.count ? null : 'kg-empty-type');
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.dataset.type = t.type;
      box.addEventListener('change', function () {
        if (box.checked) { state.types.add(t.type); } else { state.types.delete(t.type); }
        applyFilters(false);
      });
      append(label, box, icon(t.type), el('span', null, t.type), el('span', 'kg-count', t.count));
      item.appendChild(label);
      list.appendChild(item);
    });
    var only = $('kg-countries-only');
    only.addEventListener('change', function () {
      state.countriesOnly = only.checked;
      applyFilters(false);
    });
  }

  function buildRelationFilter() {
    var list = $('kg-relations');
    data.relations.forEach(function (r) {
      var item = el('li');
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.dataset.relation = r.relation;
      box.addEventListener('change', function () {
        if (box.checked) { state.relations.add(r.relation); } else { state.relations.delete(r.relation); }
        applyFilters(false);
      });
      append(label, box, el('span', null, r.relation), el('span', 'kg-count', r.count));
      item.appendChild(label);
      list.appendChild(item);
    });
    function setAll(on) {
      list.querySelectorAll('input[type=checkbox]').forEach(function (box) {
        box.checked = on;
        if (on) { state.relations.add(box.dataset.relation); } else { state.relations.delete(box.dataset.relation); }
      });
      applyFilters(false);
    }
    $('kg-relations-all').addEventListener('click', function () { setAll(true); });
    $('kg-relations-none').addEventListener('click', function () { setAll(false); });
  }

  function buildArticleFilter() {
    var select = $('kg-article');
    var all = el('option', null, 'All articles (' + articles.length + ')');
    all.value = '-1';
    select.appendChild(all);
    articles.forEach(function (a, i) {
      var option = el('option', null, truncate(articleName(i), 70));
      option.value = String(i);
      option.title = articleName(i);
      select.appendChild(option);
    });
    select.addEventListener('change', function () {
      state.article = parseInt(select.value, 10);
      applyFilters(true);
    });
  }

  /** Undo every filter (used when the reader asks for a node they hide). */
  function resetFilters() {
    state.types = new Set(data.types.map(function (t) { return t.type; }));
    state.relations = new Set(data.relations.map(function (r) { return r.relation; }));
    state.article = -1;
    state.countriesOnly = false;
    state.showAll = true;
    document.querySelectorAll('#kg-legend input, #kg-relations input').forEach(function (box) {
      box.checked = true;
    });
    $('kg-countries-only').checked = false;
    $('kg-article').value = '-1';
    applyFilters(false);
  }

  // ------------------------------------------------------------------ tooltips

  var tooltip = $('kg-tooltip');
  var stage = tooltip.parentNode;

  function showTooltip(content, pointer) {
    clear(tooltip);
    tooltip.appendChild(content);
    tooltip.hidden = false;
    var x = pointer.x + 14;
    var y = pointer.y + 14;
    var width = tooltip.offsetWidth;
    var height = tooltip.offsetHeight;
    if (x + width > stage.clientWidth - 4) { x = Math.max(4, pointer.x - width - 14); }
    if (y + height > stage.clientHeight - 4) { y = Math.max(4, pointer.y - height - 14); }
    tooltip.style.left = x + 'px';
    tooltip.style.top = y + 'px';
  }

  function hideTooltip() {
    tooltip.hidden = true;
    clear(tooltip);
  }

  function nodeEvidence(node, max) {
    var seen = [];
    node.evidence.forEach(function (s) { if (seen.indexOf(s) < 0) { seen.push(s); } });
    edgesOf[node.id].forEach(function (id) {
      edges[id].sentences.forEach(function (s) { if (seen.indexOf(s) < 0) { seen.push(s); } });
    });
    return { shown: seen.slice(0, max), total: seen.length };
  }

  function nodeTooltip(node) {
    var frag = document.createDocumentFragment();
    append(frag, el('div', 'kg-tip-title', node.label));
    var sub = [typeLabel(node)];
    if (node.role) { sub.push(node.role); }
    sub.push(plural(node.degree, 'relation', 'relations'));
    sub.push('in ' + plural(node.articles.length, 'article', 'articles'));
    append(frag, el('div', 'kg-tip-sub', sub.join(' \u00b7 ')));
    var ev = nodeEvidence(node, 2);
    ev.shown.forEach(function (s) { frag.appendChild(sentenceBlock(s, 220)); });
    if (ev.total > ev.shown.length) {
      append(frag, el('div', 'kg-tip-sub', '+' + (ev.total - ev.shown.length) + ' more sentences: click for details'));
    }
    return frag;
  }

  function edgeTooltip(edge) {
    var frag = document.createDocumentFragment();
    append(frag, el('div', 'kg-tip-title',
      nodes[edge.from].label + ' \u2014 ' + edge.relation + ' \u2192 ' + nodes[edge.to].label));
    var sub = [plural(edge.sentences.length, 'sentence', 'sentences')];
    if (edge.confidence !== null) { sub.push('confidence ' + edge.confidence); }
    append(frag, el('div', 'kg-tip-sub', sub.join(' \u00b7 ')));
    edge.sentences.slice(0, 3).forEach(function (s) { frag.appendChild(sentenceBlock(s, 260)); });
    if (edge.sentences.length > 3) {
      append(frag, el('div', 'kg-tip-sub', '+' + (edge.sentences.length - 3) + ' more: click for details'));
    }
    return frag;
  }

  // ------------------------------------------------------------------ details panel

  var details = $('kg-details');
  var activeFact = null;

  function nodeButton(id) {
    var button = el('button', 'kg-node-link', nodes[id].label);
    button.type = 'button';
    button.addEventListener('click', function (event) {
      event.stopPropagation();
      selectNode(id);
    });
    return button;
  }

  function factHead(edge, self) {
    var head = el('div', 'kg-fact-head');
    append(head,
      edge.from === self ? el('span', null, nodes[edge.from].label) : nodeButton(edge.from),
      ' ', el('span', 'kg-rel', edge.relation), ' ',
      edge.to === self ? el('span', null, nodes[edge.to].label) : nodeButton(edge.to));
    return head;
  }

  function factMeta(edge) {
    var meta = [];
    if (edge.confidence !== null) { meta.push('confidence ' + edge.confidence); }
    if (edge.rules.length) { meta.push('rule ' + edge.rules.join(', ')); }
    if (edge.reportedBy.length) {
      meta.push('reported by ' + edge.reportedBy.map(function (id) { return nodes[id].label; }).join(', '));
    }
    if (!edge.sentences.length) { meta.push('no sentence recorded'); }
    return el('div', 'kg-meta', meta.join(' \u00b7 '));
  }

  function factItem(edge, self) {
    var item = el('li', 'kg-fact');
    item.tabIndex = 0;
    item.dataset.edge = String(edge.id);
    item.appendChild(factHead(edge, self));
    edge.sentences.forEach(function (s) { item.appendChild(sentenceBlock(s, 0)); });
    item.appendChild(factMeta(edge));
    function activate() { highlightEdge(edge.id, item); }
    item.addEventListener('click', activate);
    item.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); activate(); }
    });
    return item;
  }

  function definition(list, term, value) {
    if (value === null || value === undefined || value === '') { return; }
    append(list, el('dt', null, term));
    var dd = el('dd');
    append(dd, value);
    list.appendChild(dd);
  }

  function showNodeDetails(id) {
    var node = nodes[id];
    clear(details);
    activeFact = null;
    details.dataset.node = String(id);
    delete details.dataset.edge;
    append(details, el('h2', 'kg-name', node.label));
    var typeLine = el('div', 'kg-type-line');
    append(typeLine, icon(node.type, 14), el('span', 'kg-type', typeLabel(node)));
    details.appendChild(typeLine);

    var list = el('dl');
    if (node.aliases.length) {
      var aliases = el('ul', 'kg-aliases');
      node.aliases.forEach(function (a) { aliases.appendChild(el('li', null, a)); });
      definition(list, 'Aliases', aliases);
    }
    definition(list, 'Role', node.role);
    definition(list, 'Date', node.date);
    if (node.heldIn !== null && node.heldIn !== undefined) { definition(list, 'Held in', nodeButton(node.heldIn)); }
    if (node.wikidata && WIKIDATA_ITEM.test(node.wikidata)) {
      var link = el('a', 'kg-wikidata', node.wikidata);
      link.href = 'https://www.wikidata.org/wiki/' + node.wikidata;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      definition(list, 'Wikidata', link);
    }
    definition(list, 'Relations', String(node.degree));
    definition(list, 'IRI', el('span', 'kg-meta', node.iri));
    details.appendChild(list);

    if (node.evidence.length) {
      append(details, el('h3', null, 'Evidence'));
      node.evidence.forEach(function (s) { details.appendChild(sentenceBlock(s, 0)); });
    }

    var ids = edgesOf[id].slice().sort(function (a, b) {
      var ea = edges[a];
      var eb = edges[b];
      if (ea.relation !== eb.relation) { return ea.relation < eb.relation ? -1 : 1; }
      return a - b;
    });
    append(details, el('h3', null, 'Facts (' + ids.length + ')'));
    var facts = el('ul', 'kg-facts');
    ids.forEach(function (e) { facts.appendChild(factItem(edges[e], id)); });
    details.appendChild(facts);

    if (node.articles.length) {
      append(details, el('h3', null, 'Articles (' + node.articles.length + ')'));
      var arts = el('ul', 'kg-facts');
      node.articles.forEach(function (a) { arts.appendChild(append(el('li'), articleCite(a))); });
      details.appendChild(arts);
    }
    details.scrollTop = 0;
  }

  function showEdgeDetails(id) {
    var edge = edges[id];
    clear(details);
    details.dataset.edge = String(id);
    delete details.dataset.node;
    append(details, el('h2', 'kg-name', edge.relation));
    append(details, el('div', 'kg-type-line', 'Relation' + (edge.symmetric ? ' (symmetric)' : '')));
    var facts = el('ul', 'kg-facts');
    var item = factItem(edge, -1);
    item.classList.add('kg-active');
    activeFact = item;
    facts.appendChild(item);
    details.appendChild(facts);
    details.scrollTop = 0;
  }

  function showPlaceholder() {
    clear(details);
    delete details.dataset.node;
    delete details.dataset.edge;
    details.appendChild(el('p', 'kg-placeholder',
      'Click a node or a relation to see its facts, sentences and articles.'));
  }

  function highlightEdge(id, item) {
    if (activeFact) { activeFact.classList.remove('kg-active'); }
    activeFact = item || null;
    if (item) { item.classList.add('kg-active'); }
    var old = item ? item.querySelector('.kg-hidden-note') : null;
    if (old) { old.remove(); }
    if (!visibleEdges.has(id)) {
      if (item) { item.appendChild(el('div', 'kg-hidden-note', 'Hidden by the current filters.')); }
      network.unselectAll();
      window.kgSelectedEdge = null;
      return;
    }
    network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    window.kgSelectedEdge = id;
    var edge = edges[id];
    var pos = network.getPositions([edge.from, edge.to]);
    var a = pos[edge.from];
    var b = pos[edge.to];
    if (a && b) {
      network.moveTo({
        position: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
        scale: Math.max(network.getScale(), 0.8),
        animation: { duration: 300, easingFunction: 'easeInOutQuad' }
      });
    }
  }

  function selectNode(id) {
    hideSuggestions();
    if (!visibleNodes.has(id)) { resetFilters(); }
    network.selectNodes([id], true);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0),
      animation: { duration: 350, easingFunction: 'easeInOutQuad' }
    });
    window.kgSelected = id;
    showNodeDetails(id);
  }

  // ------------------------------------------------------------------ search

  var search = $('kg-search');
  var suggest = $('kg-suggest');
  var index = nodes.map(function (n) {
    return { id: n.id, label: fold(n.label), aliases: n.aliases.map(fold) };
  });
  var matches = [];
  var cursor = 0;

  function rank(entry, query) {
    if (entry.label === query) { return { score: 0, alias: null }; }
    var i;
    for (i = 0; i < entry.aliases.length; i++) {
      if (entry.aliases[i] === query) { return { score: 1, alias: i }; }
    }
    if (entry.label.indexOf(query) === 0) { return { score: 2, alias: null }; }
    for (i = 0; i < entry.aliases.length; i++) {
      if (entry.aliases[i].indexOf(query) === 0) { return { score: 3, alias: i }; }
    }
    if (entry.label.indexOf(query) > 0) { return { score: 4, alias: null }; }
    for (i = 0; i < entry.aliases.length; i++) {
      if (entry.aliases[i].indexOf(query) > 0) { return { score: 5, alias: i }; }
    }
    return null;
  }

  function findNodes(text) {
    var query = fold(text);
    if (!query) { return []; }
    var found = [];
    index.forEach(function (entry) {
      var r = rank(entry, query);
      if (r) { found.push({ id: entry.id, score: r.score, alias: r.alias }); }
    });
    found.sort(function (a, b) {
      return a.score - b.score || nodes[b.id].degree - nodes[a.id].degree ||
        (nodes[a.id].label < nodes[b.id].label ? -1 : nodes[a.id].label > nodes[b.id].label ? 1 : a.id - b.id);
    });
    return found.slice(0, 12);
  }

  function hideSuggestions() {
    suggest.hidden = true;
    search.setAttribute('aria-expanded', 'false');
  }

  function renderSuggestions() {
    clear(suggest);
    if (!search.value.trim()) { hideSuggestions(); return; }
    if (!matches.length) {
      suggest.appendChild(el('li', 'kg-none', 'No entity or event matches.'));
    }
    matches.forEach(function (m, i) {
      var node = nodes[m.id];
      var item = el('li');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === cursor ? 'true' : 'false');
      item.dataset.node = String(m.id);
      append(item, icon(node.type, 12), el('span', null, node.label));
      if (m.alias !== null) { append(item, el('span', 'kg-alias', '(' + node.aliases[m.alias] + ')')); }
      item.addEventListener('mousedown', function (event) {
        event.preventDefault();
        search.value = node.label;
        selectNode(m.id);
      });
      suggest.appendChild(item);
    });
    suggest.hidden = false;
    search.setAttribute('aria-expanded', 'true');
  }

  search.addEventListener('input', function () {
    matches = findNodes(search.value);
    cursor = 0;
    renderSuggestions();
  });
  search.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!matches.length) { return; }
      event.preventDefault();
      cursor = (cursor + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      renderSuggestions();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      matches = findNodes(search.value);
      if (matches.length) {
        var chosen = matches[Math.min(cursor, matches.length - 1)];
        selectNode(chosen.id);
      }
    } else if (event.key === 'Escape') {
      hideSuggestions();
    }
  });
  search.addEventListener('blur', hideSuggestions);

  // ------------------------------------------------------------------ network

  var big = nodes.length > 800 || edges.length > 1500;
  var options = {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, hierarchical: false },
    interaction: {
      hover: true,
      tooltipDelay: 3600000,
      hideEdgesOnDrag: big,
      hideEdgesOnZoom: big,
      multiselect: false,
      navigationButtons: false,
      keyboard: false
    },
    nodes: {
      font: { size: 14, face: 'system-ui, "DejaVu Sans", Arial, sans-serif', color: '#1d2329', strokeWidth: 4, strokeColor: '#ffffff' },
      scaling: { label: { drawThreshold: 6 } }
    },
    edges: {
      color: { color: '#8d99a6', highlight: '#d9480f', hover: '#3d4852', inherit: false },
      font: { size: 11, face: 'system-ui, "DejaVu Sans", Arial, sans-serif', color: '#4a5560', strokeWidth: 4, strokeColor: '#ffffff', align: 'horizontal' },
      selectionWidth: 2,
      hoverWidth: 1,
      scaling: { label: { drawThreshold: 7 } }
    }
  };

  var network = null;
  computeVisible();
  nodeView.refresh();
  edgeView.refresh();
  buildLegend();
  buildRelationFilter();
  buildArticleFilter();
  updateCounts();
  updateNote();
  if (!nodes.length) { $('kg-empty').hidden = false; }

  network = new vis.Network($('kg-network'), { nodes: nodeView, edges: edgeView }, options);

  $('kg-show-all').addEventListener('click', function () {
    state.showAll = !state.showAll;
    applyFilters(true);
  });

  network.on('hoverNode', function (params) { showTooltip(nodeTooltip(nodes[params.node]), params.pointer.DOM); });
  network.on('blurNode', hideTooltip);
  network.on('hoverEdge', function (params) { showTooltip(edgeTooltip(edges[params.edge]), params.pointer.DOM); });
  network.on('blurEdge', hideTooltip);
  network.on('dragStart', hideTooltip);
  network.on('zoom', hideTooltip);
  network.on('click', function (params) {
    hideTooltip();
    if (params.nodes.length) {
      window.kgSelected = params.nodes[0];
      window.kgSelectedEdge = null;
      showNodeDetails(params.nodes[0]);
    } else if (params.edges.length) {
      window.kgSelected = null;
      window.kgSelectedEdge = params.edges[0];
      showEdgeDetails(params.edges[0]);
    } else {
      window.kgSelected = null;
      window.kgSelectedEdge = null;
      showPlaceholder();
    }
  });

  window.kg = {
    data: data,
    network: network,
    nodes: nodesDS,
    edges: edgesDS,
    nodeView: nodeView,
    edgeView: edgeView,
    state: state,
    selectNode: selectNode,
    findNodes: findNodes,
    resetFilters: resetFilters
  };
  window.kgSelected = null;
  window.kgSelectedEdge = null;

  network.once('afterDrawing', function () {
    window.kgStats.scriptMs = Math.round(performance.now() - started);
    window.kgStats.readyMs = Math.round(performance.now());
    window.kgReady = true;
    document.documentElement.setAttribute('data-kg-ready', 'true');
  });
  network.fit({ animation: false });
})();
