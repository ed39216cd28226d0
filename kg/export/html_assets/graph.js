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

  var typeStyle = {};
  data.types.forEach(function (t) { typeStyle[t.type] = t; });
  var edgesOf = nodes.map(function () { return []; });
  edges.forEach(function (e) {
    edgesOf[e.from].push(e.id);
    if (e.to !== e.from) { edgesOf[e.to].push(e.id); }
  });
  var topSet = data.top ? new Set(data.top) : null;

  // The actor view of a large graph (null for a small one, drawn whole): one
  // "link" per actor pair and relation, standing for its facts (data.edges ids).
  // Links have vis ids 'a0', 'a1', ...; facts keep their numeric ids.
  var actors = data.actors || null;
  var links = actors ? actors.edges : [];
  // A neighbourhood shows its strongest neighbours first, all of them up to a few more.
  var NEIGHBOURS_MAX = 40;
  // How actors take part in events (html_actors.py's PARTICIPATION).
  var PARTICIPATION = new Set(['participatesIn', 'hosts']);
  // Events on demand in the actor view: at most this many, the best attested.
  var EVENTS_MAX = 30;
  var sharedEvents = { total: 0, shown: 0 };
  var NEIGHBOURS_SLACK = 10;
  // Shorter labels in the large views, where more of them share the screen.
  var LABEL_MAX = actors ? 22 : 42;
  var topActors = new Set(actors ? actors.top : []);
  var topXY = {};
  if (actors) {
    actors.top.forEach(function (id, i) { topXY[id] = [actors.topXY[2 * i], actors.topXY[2 * i + 1]]; });
  }
  var linksOf = nodes.map(function () { return []; });
  var linkOfFact = {};
  links.forEach(function (link, k) {
    linksOf[link.from].push(k);
    linksOf[link.to].push(k);
    if (!link.event) { link.facts.forEach(function (f) { linkOfFact[f] = k; }); }
  });
  var actorCount = linksOf.filter(function (ks) { return ks.length > 0; }).length;
  var datedEvents = nodes.filter(function (n) { return n.kind === 'event' && n.date; });
  var eventCount = nodes.filter(function (n) { return n.kind === 'event'; }).length;
  var typeOrder = {};
  data.types.forEach(function (t, i) { typeOrder[t.type] = i; });

  var state = {
    types: new Set(data.types.map(function (t) { return t.type; })),
    relations: new Set(data.relations.map(function (r) { return r.relation; })),
    article: -1,
    countriesOnly: false,
    showAll: !topSet,
    view: actors ? 'actors' : 'full',
    actorsAll: false,
    minWeight: actors ? actors.minWeight : 0,
    from: '',
    to: '',
    focus: null,
    focusAll: false,
    events: false
  };
  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var neighbours = { total: 0, shown: 0 };

  window.kgStats = {
    nodes: nodes.length,
    edges: edges.length,
    articles: articles.length,
    actors: actorCount,
    links: links.length,
    view: null,
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

  /** Size by number of relations; smaller in the large views (html_actors.py's _box). */
  function nodeSize(node) {
    if (actors) { return Math.min(7 + 1.5 * Math.sqrt(node.degree), 18); }
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
  function edgeCurves(items) {
    var groups = {};
    items.forEach(function (e) {
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

  function edgeWidth(sentenceCount) {
    return sentenceCount === 0 ? 1 : Math.min(1 + 1.5 * Math.log2(1 + sentenceCount), 12);
  }

  function visEdges() {
    var curves = edgeCurves(edges);
    return edges.map(function (e) {
      var n = e.sentences.length;
      return {
        id: e.id,
        from: e.from,
        to: e.to,
        label: e.relation,
        width: edgeWidth(n),
        dashes: n === 0,
        arrows: { to: { enabled: !e.symmetric, scaleFactor: 0.55 } },
        smooth: curves[e.id]
      };
    });
  }

  /** The events a link of co-participants stands for. */
  function linkEvents(link) {
    var found = [];
    link.facts.forEach(function (f) {
      var e = edges[f];
      var other = nodes[e.to].kind === 'event' ? e.to : e.from;
      if (found.indexOf(other) < 0) { found.push(other); }
    });
    return found.sort(function (a, b) { return a - b; });
  }

  function linkLabel(link) {
    if (!link.event) { return link.relation; }
    var count = linkEvents(link).length;
    return link.relation + (count > 1 ? ' \u00d7' + count : '');
  }

  function visLinks() {
    var items = links.map(function (link, k) { return { id: 'a' + k, from: link.from, to: link.to }; });
    var curves = edgeCurves(items);
    return links.map(function (link, k) {
      var item = {
        id: 'a' + k,
        from: link.from,
        to: link.to,
        label: linkLabel(link),
        width: edgeWidth(link.weight),
        dashes: link.weight === 0,
        arrows: { to: { enabled: !link.symmetric, scaleFactor: 0.55 } },
        smooth: curves['a' + k]
      };
      // Co-participants of events: the events' colour family, so they read apart from facts.
      if (link.event) { item.color = { color: '#b48fc4', highlight: '#d9480f', hover: '#6c3483', inherit: false }; }
      return item;
    });
  }

  // ------------------------------------------------------------------ filters

  /** Whether an event's date lies in the date filter's range (undated events do not). */
  function dateAllowed(node) {
    if (node.kind !== 'event' || (!state.from && !state.to)) { return true; }
    if (!node.date) { return false; }
    var day = String(node.date).slice(0, 10);
    if (state.from && day < state.from) { return false; }
    if (state.to && day > state.to) { return false; }
    return true;
  }

  /** The filters of the side panel (types, countries, article, dates) for one node. */
  function nodePasses(node) {
    if (!state.types.has(node.type)) { return false; }
    if (state.countriesOnly && !(node.type === 'Country' || node.kind === 'event')) { return false; }
    if (state.article >= 0 && node.articles.indexOf(state.article) < 0) { return false; }
    return dateAllowed(node);
  }

  function nodeAllowed(node) {
    if (!state.showAll && topSet && !topSet.has(node.id)) { return false; }
    return nodePasses(node);
  }

  /** The side panel's filters for one fact, whatever is drawn. */
  function factPasses(edge) {
    if (!state.relations.has(edge.relation)) { return false; }
    if (!nodePasses(nodes[edge.from]) || !nodePasses(nodes[edge.to])) { return false; }
    if (state.article >= 0 && edge.sentences.length > 0) {
      return edge.sentences.some(function (s) { return sentences[s].article === state.article; });
    }
    return true;
  }

  function edgeAllowed(edge) {
    if (!visibleNodes.has(edge.from) || !visibleNodes.has(edge.to)) { return false; }
    return factPasses(edge);
  }

  /** A link passes when one of its facts does; co-participants need one event both pass in. */
  function linkPasses(link) {
    if (!link.event) { return link.facts.some(function (f) { return factPasses(edges[f]); }); }
    var inEvent = {};
    return link.facts.some(function (f) {
      var e = edges[f];
      if (!factPasses(e)) { return false; }
      var key = nodes[e.to].kind === 'event' ? e.to : e.from;
      var actor = key === e.to ? e.from : e.to;
      if (inEvent[key] !== undefined && inEvent[key] !== actor) { return true; }
      inEvent[key] = actor;
      return false;
    });
  }

  var nodesDS = new vis.DataSet(nodes.map(visNode));
  var edgesDS = new vis.DataSet(visEdges().concat(visLinks()));
  var nodeView = new vis.DataView(nodesDS, { filter: function (item) { return visibleNodes.has(item.id); } });
  var edgeView = new vis.DataView(edgesDS, { filter: function (item) { return visibleEdges.has(item.id); } });

  function compareNodes(a, b) {
    var la = nodes[a].label;
    var lb = nodes[b].label;
    return la < lb ? -1 : la > lb ? 1 : a - b;
  }

  /**
   * The neighbourhood of the focused node: what it is linked to, strongest first.
   * In the actor view an actor's links to actors are the actor links; its events
   * come with it, as do an event's actors.
   */
  function neighbourhood(id) {
    var weights = new Map();
    var via = new Map();
    function add(other, key, weight) {
      if (other === id || !nodePasses(nodes[other])) { return; }
      weights.set(other, (weights.get(other) || 0) + Math.max(1, weight));
      if (!via.has(other)) { via.set(other, []); }
      via.get(other).push(key);
    }
    var linked = state.view === 'actors' && nodes[id].kind === 'entity';
    if (linked) {
      linksOf[id].forEach(function (k) {
        var link = links[k];
        if (linkPasses(link)) { add(link.from === id ? link.to : link.from, 'a' + k, link.weight); }
      });
    }
    edgesOf[id].forEach(function (e) {
      var edge = edges[e];
      var other = edge.from === id ? edge.to : edge.from;
      if (linked && nodes[other].kind !== 'event') { return; }
      if (factPasses(edge)) { add(other, e, edge.sentences.length); }
    });
    var ranked = Array.from(weights.keys()).sort(function (a, b) {
      return weights.get(b) - weights.get(a) || compareNodes(a, b);
    });
    return { ranked: ranked, via: via };
  }

  /**
   * Rings around the focused node at (0, 0), the strongest neighbours nearest; in
   * each ring the neighbours are grouped by type, so colours read as sectors.
   */
  function rings(shown) {
    var place = {};
    var ring = 1;
    var i = 0;
    while (i < shown.length) {
      var radius = RING_STEP * ring;
      var capacity = Math.max(6, Math.floor(2 * Math.PI * radius / RING_SLOT));
      var members = shown.slice(i, i + capacity).sort(function (a, b) {
        return typeOrder[nodes[a].type] - typeOrder[nodes[b].type] || compareNodes(a, b);
      });
      var turn = ring % 2 === 0 ? Math.PI / members.length : 0;
      members.forEach(function (m, j) {
        var angle = -Math.PI / 2 + turn + 2 * Math.PI * j / members.length;
        place[m] = [Math.round(radius * RING_WIDE * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
      });
      i += capacity;
      ring += 1;
    }
    return place;
  }

  var placedAs = {};
  // Rings of a neighbourhood: distance between rings, room per node along a ring
  // (labels are wide), and how much wider than tall (labels are horizontal).
  var RING_STEP = 260;
  var RING_SLOT = 190;
  var RING_WIDE = 1.2;

  /** Move the visible nodes to the positions of the current view (only those that moved). */
  function placeNodes(focusPlace, eventPlace) {
    var updates = [];
    visibleNodes.forEach(function (id) {
      var point;
      var key;
      if (focusPlace) {
        point = id === state.focus ? [0, 0] : focusPlace[id];
        key = 'f' + point[0] + ',' + point[1];
      } else if (eventPlace && eventPlace[id]) {
        point = eventPlace[id];
        key = 'e' + point[0] + ',' + point[1];
      } else if (state.view === 'actors' && !state.actorsAll) {
        point = topXY[id];
        key = 'top';
      } else {
        point = [nodes[id].x, nodes[id].y];
        key = 'base';
      }
      if (placedAs[id] !== key) {
        placedAs[id] = key;
        updates.push({ id: id, x: point[0], y: point[1] });
      }
    });
    if (updates.length) { nodesDS.update(updates); }
  }

  /**
   * The actor view's events on demand: of the events that two or more drawn
   * actors take part in, the EVENTS_MAX stated by the most sentences, with their
   * facts to drawn actors, on a ring around the actors (ringEvents). Returns the
   * events' positions.
   */
  function addSharedEvents() {
    var found = new Map();
    visibleNodes.forEach(function (actor) {
      edgesOf[actor].forEach(function (e) {
        var edge = edges[e];
        var other = edge.from === actor ? edge.to : edge.from;
        if (nodes[other].kind !== 'event' || !nodePasses(nodes[other]) || !factPasses(edge)) { return; }
        if (!found.has(other)) { found.set(other, { actors: new Set(), facts: [], said: new Set() }); }
        var entry = found.get(other);
        entry.facts.push(e);
        edge.sentences.forEach(function (x) { entry.said.add(x); });
        if (PARTICIPATION.has(edge.relation)) { entry.actors.add(actor); }
      });
    });
    var shared = Array.from(found.keys()).filter(function (event) {
      return found.get(event).actors.size >= 2;
    }).sort(function (a, b) {
      var fa = found.get(a);
      var fb = found.get(b);
      return fb.said.size - fa.said.size || fb.actors.size - fa.actors.size || a - b;
    });
    sharedEvents = { total: shared.length, shown: Math.min(shared.length, EVENTS_MAX) };
    var place = {};
    shared.slice(0, EVENTS_MAX).sort(function (a, b) { return a - b; }).forEach(function (event) {
      var entry = found.get(event);
      visibleNodes.add(event);
      entry.facts.forEach(function (e) { visibleEdges.add(e); });
      var who = Array.from(entry.actors).sort(function (a, b) { return a - b; });
      var x = 0;
      var y = 0;
      who.forEach(function (a) {
        var p = state.actorsAll ? [nodes[a].x, nodes[a].y] : topXY[a];
        x += p[0];
        y += p[1];
      });
      place[event] = [x / who.length, y / who.length];
    });
    return ringEvents(place);
  }

  /**
   * Set the events on a ring around the drawn actors, each near the direction of
   * its actors from the middle, so no event covers an actor: the events keep the
   * order of those directions, evenly spaced, on two staggered rings for the labels.
   */
  function ringEvents(place) {
    var events = Object.keys(place).map(Number);
    if (!events.length) { return place; }
    var cx = 0;
    var cy = 0;
    var count = 0;
    var points = [];
    visibleNodes.forEach(function (id) {
      if (place[id]) { return; }
      var p = state.actorsAll ? [nodes[id].x, nodes[id].y] : topXY[id];
      points.push(p);
      cx += p[0];
      cy += p[1];
      count += 1;
    });
    cx /= Math.max(1, count);
    cy /= Math.max(1, count);
    var reach = 0;
    points.forEach(function (p) { reach = Math.max(reach, Math.hypot(p[0] - cx, p[1] - cy)); });
    var angle = {};
    events.forEach(function (e) { angle[e] = Math.atan2(place[e][1] - cy, place[e][0] - cx); });
    events.sort(function (a, b) { return angle[a] - angle[b] || a - b; });
    var start = angle[events[0]];
    events.forEach(function (e, k) {
      var turn = start + 2 * Math.PI * k / events.length;
      var radius = reach + (k % 2 === 0 ? 70 : 130);
      place[e] = [Math.round(cx + 1.25 * radius * Math.cos(turn)), Math.round(cy + radius * Math.sin(turn))];
    });
    return place;
  }

  function viewName() {
    if (state.focus !== null) { return 'neighbourhood'; }
    return state.view;
  }

  function computeVisible() {
    visibleNodes = new Set();
    visibleEdges = new Set();
    if (state.focus !== null) {
      var near = neighbourhood(state.focus);
      var all = state.focusAll || near.ranked.length <= NEIGHBOURS_MAX + NEIGHBOURS_SLACK;
      var shown = all ? near.ranked : near.ranked.slice(0, NEIGHBOURS_MAX);
      neighbours = { total: near.ranked.length, shown: shown.length };
      visibleNodes.add(state.focus);
      shown.forEach(function (id) {
        visibleNodes.add(id);
        near.via.get(id).forEach(function (key) { visibleEdges.add(key); });
      });
      placeNodes(rings(shown));
      return;
    }
    if (state.view === 'actors') {
      nodes.forEach(function (n) {
        if (linksOf[n.id].length && (state.actorsAll || topActors.has(n.id)) && nodePasses(n)) {
          visibleNodes.add(n.id);
        }
      });
      links.forEach(function (link, k) {
        // With the events drawn, co-participants are joined through them instead.
        if (link.event && state.events) { return; }
        if (link.weight >= state.minWeight && visibleNodes.has(link.from) &&
            visibleNodes.has(link.to) && linkPasses(link)) {
          visibleEdges.add('a' + k);
        }
      });
      placeNodes(null, state.events ? addSharedEvents() : null);
      return;
    } else {
      nodes.forEach(function (n) { if (nodeAllowed(n)) { visibleNodes.add(n.id); } });
      edges.forEach(function (e) { if (edgeAllowed(e)) { visibleEdges.add(e.id); } });
    }
    placeNodes(null);
  }

  function updateCounts() {
    window.kgStats.visibleNodes = nodeView.length;
    window.kgStats.visibleEdges = edgeView.length;
    window.kgStats.view = viewName();
    var parts = [];
    if (state.focus === null && state.view === 'actors') {
      var shownEvents = 0;
      visibleNodes.forEach(function (id) { if (nodes[id].kind === 'event') { shownEvents += 1; } });
      parts.push((nodeView.length - shownEvents) + ' of ' + plural(actorCount, 'actor', 'actors'));
      var shownLinks = 0;
      visibleEdges.forEach(function (key) { if (typeof key === 'string') { shownLinks += 1; } });
      if (state.events) { parts.push(shownEvents + ' of ' + plural(eventCount, 'event', 'events')); }
      parts.push(shownLinks + ' of ' + plural(links.length, 'link', 'links'));
      if (state.events) { parts.push(plural(edgeView.length - shownLinks, 'fact', 'facts') + ' of events'); }
    } else {
      if (nodeView.length === nodes.length) {
        parts.push(plural(nodes.length, 'node', 'nodes'));
      } else {
        parts.push(nodeView.length + ' of ' + plural(nodes.length, 'node', 'nodes'));
      }
      if (state.focus === null && edgeView.length === edges.length) {
        parts.push(plural(edges.length, 'relation', 'relations'));
      } else {
        parts.push(edgeView.length + ' of ' + plural(edges.length + links.length, 'relation', 'relations'));
      }
    }
    parts.push(plural(articles.length, 'article', 'articles'));
    $('kg-counts').textContent = parts.join(' \u00b7 ');
  }

  var network = null;

  function applyFilters(fit) {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
    updateNote();
    if (network) {
      var many = visibleEdges.size > 1500 || visibleNodes.size > 800;
      network.setOptions({ interaction: { hideEdgesOnDrag: many, hideEdgesOnZoom: many } });
    }
    if (fit && network && visibleNodes.size) { fitView(); }
  }

  /** Fit the view to what is drawn; large views leave room for the note above. */
  function fitView() {
    network.fit({ nodes: Array.from(visibleNodes), animation: false });
    if (actors) {
      network.moveTo({
        position: network.getViewPosition(),
        scale: network.getScale() * 0.93,
        offset: { x: 0, y: 24 },
        animation: false
      });
    }
    fitFonts();
  }

  var FONT_FACE = 'system-ui, "DejaVu Sans", Arial, sans-serif';

  /** Large views: node labels as big as it takes to read them at the fitted zoom. */
  function fitFonts() {
    if (!actors || !network) { return; }
    var size = Math.max(13, Math.min(44, Math.round(11 / network.getScale())));
    network.setOptions({
      nodes: { font: { size: size, face: FONT_FACE, color: '#1d2329', strokeWidth: Math.max(4, size / 4), strokeColor: '#ffffff' } }
    });
  }

  function noteButton(id, text, onClick) {
    var button = el('button', null, text);
    button.type = 'button';
    button.id = id;
    button.addEventListener('click', onClick);
    return button;
  }

  function updateNote() {
    var note = $('kg-note');
    var actions = $('kg-note-actions');
    clear(actions);
    if (state.focus !== null) {
      var name = nodes[state.focus].label;
      $('kg-note-text').textContent = neighbours.shown === neighbours.total
        ? 'Neighbourhood of ' + name + ': ' + plural(neighbours.total, 'neighbour', 'neighbours') + '.'
        : 'Neighbourhood of ' + name + ': the ' + neighbours.shown + ' strongest of ' +
          neighbours.total + ' neighbours.';
      if (neighbours.total > NEIGHBOURS_MAX + NEIGHBOURS_SLACK) {
        append(actions, noteButton('kg-focus-all',
          state.focusAll ? 'Show the ' + NEIGHBOURS_MAX + ' strongest' : 'Show all ' + neighbours.total,
          function () { state.focusAll = !state.focusAll; applyFilters(true); }));
      }
      append(actions, noteButton('kg-back', 'Back to the whole graph', leaveFocus));
      note.hidden = false;
      return;
    }
    if (state.view === 'actors') {
      $('kg-note-text').textContent = state.actorsAll
        ? 'Actors: all ' + actorCount + ', one link per pair and relation'
        : 'Actors: the ' + topActors.size + ' most linked of ' + actorCount +
          ', one link per pair and relation';
      $('kg-note-text').textContent += !state.events ? '; events hidden.'
        : sharedEvents.shown === sharedEvents.total
          ? '; with the ' + plural(sharedEvents.total, 'event', 'events') + ' two or more of them take part in.'
          : '; with the ' + sharedEvents.shown + ' best attested of ' + sharedEvents.total +
            ' events two or more of them take part in.';
      append(actions, noteButton('kg-show-all',
        state.actorsAll ? 'Show the ' + topActors.size + ' most linked' : 'Show all ' + actorCount + ' actors',
        function () { state.actorsAll = !state.actorsAll; applyFilters(true); }));
      note.hidden = false;
      return;
    }
    if (!topSet) { note.hidden = true; return; }
    note.hidden = false;
    var label;
    if (state.showAll) {
      $('kg-note-text').textContent = 'Showing all ' + nodes.length + ' nodes.';
      label = 'Show only the ' + topSet.size + ' most connected';
    } else {
      $('kg-note-text').textContent = 'Large graph: showing the ' + topSet.size +
        ' most connected of ' + nodes.length + ' nodes.';
      label = 'Show all ' + nodes.length + ' nodes';
    }
    append(actions, noteButton('kg-show-all', label, function () {
      state.showAll = !state.showAll;
      applyFilters(true);
    }));
  }

  function leaveFocus() {
    state.focus = null;
    state.focusAll = false;
    window.kgSelected = null;
    window.kgSelectedEdge = null;
    applyFilters(true);
    if (network) { network.unselectAll(); }
    showPlaceholder();
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

  /** The actor view's controls: events on demand, the least sentences a link needs. */
  function buildActorControls() {
    if (!actors) { return; }
    $('kg-actor-controls').hidden = false;
    $('kg-actor-help').hidden = false;
    var events = $('kg-events');
    events.addEventListener('change', function () {
      state.events = events.checked;
      applyFilters(state.focus === null);
    });
    $('kg-events-count').textContent = '(' + eventCount + ')';
    var least = $('kg-min-weight');
    least.value = String(state.minWeight);
    least.addEventListener('input', function () {
      var value = parseInt(least.value, 10);
      state.minWeight = isNaN(value) || value < 0 ? 0 : value;
      applyFilters(false);
    });
  }

  /** The date filter, shown when some event has a date. */
  function buildDateFilter() {
    if (!datedEvents.length) { return; }
    var days = datedEvents.map(function (n) { return String(n.date).slice(0, 10); }).sort();
    $('kg-dates').hidden = false;
    $('kg-dates-hint').textContent = datedEvents.length + ' of ' + plural(eventCount, 'event', 'events') +
      ' dated, ' + days[0] + ' to ' + days[days.length - 1] + '. Undated events hide while a date is set.';
    var from = $('kg-date-from');
    var to = $('kg-date-to');
    [from, to].forEach(function (input) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(days[0])) { input.min = days[0]; }
      if (/^\d{4}-\d{2}-\d{2}$/.test(days[days.length - 1])) { input.max = days[days.length - 1]; }
      input.addEventListener('change', function () {
        state.from = from.value;
        state.to = to.value;
        applyFilters(false);
      });
    });
    $('kg-dates-clear').addEventListener('click', function () {
      from.value = '';
      to.value = '';
      state.from = '';
      state.to = '';
      applyFilters(false);
    });
  }

  /** Undo every filter (used when the reader asks for a node they hide). */
  function resetFilters() {
    state.types = new Set(data.types.map(function (t) { return t.type; }));
    state.relations = new Set(data.relations.map(function (r) { return r.relation; }));
    state.article = -1;
    state.countriesOnly = false;
    // A large graph shows a sought node in its neighbourhood: no need to draw every node.
    if (!actors) { state.showAll = true; }
    state.from = '';
    state.to = '';
    document.querySelectorAll('#kg-legend input, #kg-relations input').forEach(function (box) {
      box.checked = true;
    });
    $('kg-countries-only').checked = false;
    $('kg-article').value = '-1';
    $('kg-date-from').value = '';
    $('kg-date-to').value = '';
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
    var seen = new Set(node.evidence);
    edgesOf[node.id].forEach(function (id) {
      edges[id].sentences.forEach(function (s) { seen.add(s); });
    });
    var all = Array.from(seen);
    return { shown: all.slice(0, max), total: all.length };
  }

  /** The distinct sentences of a link's facts, in order of first appearance. */
  function linkSentences(link) {
    var seen = new Set();
    link.facts.forEach(function (f) { edges[f].sentences.forEach(function (s) { seen.add(s); }); });
    return Array.from(seen);
  }

  function linkTitle(link) {
    if (link.event) {
      var count = linkEvents(link).length;
      return nodes[link.from].label + ' and ' + nodes[link.to].label + ' \u2014 both in ' +
        plural(count, link.relation + ' event', link.relation + ' events');
    }
    return nodes[link.from].label + ' \u2014 ' + link.relation + (link.symmetric ? ' \u2014 ' : ' \u2192 ') +
      nodes[link.to].label;
  }

  function linkTooltip(link) {
    var frag = document.createDocumentFragment();
    append(frag, el('div', 'kg-tip-title', linkTitle(link)));
    var said = linkSentences(link);
    append(frag, el('div', 'kg-tip-sub', plural(link.facts.length, 'fact', 'facts') + ' \u00b7 ' +
      plural(said.length, 'sentence', 'sentences')));
    said.slice(0, 3).forEach(function (s) { frag.appendChild(sentenceBlock(s, 260)); });
    if (said.length > 3) {
      append(frag, el('div', 'kg-tip-sub', '+' + (said.length - 3) + ' more: click for details'));
    }
    return frag;
  }

  function edgeKeyTooltip(key) {
    return typeof key === 'string' ? linkTooltip(links[parseInt(key.slice(1), 10)]) : edgeTooltip(edges[key]);
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

  // A hub has facts by the thousand: the panel lists them a page at a time.
  var FACTS_PAGE = 150;

  function appendFacts(list, ids, self) {
    ids.slice(0, FACTS_PAGE).forEach(function (e) { list.appendChild(factItem(edges[e], self)); });
    if (ids.length <= FACTS_PAGE) { return; }
    var rest = ids.slice(FACTS_PAGE);
    var more = el('button', 'kg-more', 'Show ' + Math.min(rest.length, FACTS_PAGE) + ' more of ' +
      rest.length + ' facts');
    more.type = 'button';
    var item = el('li');
    item.appendChild(more);
    more.addEventListener('click', function () {
      item.remove();
      appendFacts(list, rest, self);
    });
    list.appendChild(item);
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
    details.appendChild(facts);
    appendFacts(facts, ids, id);

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

  function showLinkDetails(k) {
    var link = links[k];
    clear(details);
    activeFact = null;
    details.dataset.edge = 'a' + k;
    delete details.dataset.node;
    append(details, el('h2', 'kg-name', link.relation));
    append(details, el('div', 'kg-type-line', linkTitle(link)));
    var list = el('dl');
    definition(list, 'Facts', String(link.facts.length));
    definition(list, 'Sentences', String(linkSentences(link).length));
    details.appendChild(list);
    append(details, el('h3', null, 'Facts (' + link.facts.length + ')'));
    var facts = el('ul', 'kg-facts');
    details.appendChild(facts);
    appendFacts(facts, link.facts, -1);
    details.scrollTop = 0;
  }

  function showEdgeKeyDetails(key) {
    if (typeof key === 'string') { showLinkDetails(parseInt(key.slice(1), 10)); } else { showEdgeDetails(key); }
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
    // A fact between actors is drawn as its actor link in the actor view.
    if (!visibleEdges.has(id) && typeof id === 'number' && linkOfFact[id] !== undefined &&
        visibleEdges.has('a' + linkOfFact[id])) {
      id = 'a' + linkOfFact[id];
    }
    if (!visibleEdges.has(id)) {
      if (item) { item.appendChild(el('div', 'kg-hidden-note', 'Not drawn in the current view.')); }
      network.unselectAll();
      window.kgSelectedEdge = null;
      return;
    }
    network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    window.kgSelectedEdge = id;
    var edge = edgesDS.get(id);
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

  /** A large graph: show the node's neighbourhood, laid out around it. */
  function focusNode(id) {
    if (!nodePasses(nodes[id])) { resetFilters(); }
    state.focus = id;
    state.focusAll = false;
    applyFilters(true);
    network.selectNodes([id], false);
    window.kgSelected = id;
    window.kgSelectedEdge = null;
    showNodeDetails(id);
  }

  function selectNode(id) {
    hideSuggestions();
    if (actors) { focusNode(id); return; }
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

  computeVisible();
  var big = visibleNodes.size > 800 || visibleEdges.size > 1500;
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
      // Large views: relation names only once zoomed in; the tooltip and panel have them.
      scaling: { label: { drawThreshold: actors ? 13 : 7 } }
    }
  };

  nodeView.refresh();
  edgeView.refresh();
  buildLegend();
  buildActorControls();
  buildDateFilter();
  buildRelationFilter();
  buildArticleFilter();
  updateCounts();
  updateNote();
  if (!nodes.length) { $('kg-empty').hidden = false; }

  network = new vis.Network($('kg-network'), { nodes: nodeView, edges: edgeView }, options);

  network.on('hoverNode', function (params) { showTooltip(nodeTooltip(nodes[params.node]), params.pointer.DOM); });
  network.on('blurNode', hideTooltip);
  network.on('hoverEdge', function (params) { showTooltip(edgeKeyTooltip(params.edge), params.pointer.DOM); });
  network.on('blurEdge', hideTooltip);
  network.on('dragStart', hideTooltip);
  network.on('zoom', hideTooltip);
  network.on('click', function (params) {
    hideTooltip();
    if (params.nodes.length && actors) {
      focusNode(params.nodes[0]);
    } else if (params.nodes.length) {
      window.kgSelected = params.nodes[0];
      window.kgSelectedEdge = null;
      showNodeDetails(params.nodes[0]);
    } else if (params.edges.length) {
      window.kgSelected = null;
      window.kgSelectedEdge = params.edges[0];
      showEdgeKeyDetails(params.edges[0]);
    } else if (state.focus !== null) {
      // In a neighbourhood a click beside the nodes keeps it: the way out is the note's button.
      network.selectNodes([state.focus], false);
      window.kgSelected = state.focus;
      window.kgSelectedEdge = null;
      showNodeDetails(state.focus);
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
    links: links,
    selectNode: selectNode,
    findNodes: findNodes,
    resetFilters: resetFilters,
    leaveFocus: leaveFocus,
    applyFilters: applyFilters
  };
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && state.focus !== null && event.target !== search) { leaveFocus(); }
  });
  window.kgSelected = null;
  window.kgSelectedEdge = null;

  network.once('afterDrawing', function () {
    window.kgStats.scriptMs = Math.round(performance.now() - started);
    window.kgStats.readyMs = Math.round(performance.now());
    window.kgReady = true;
    document.documentElement.setAttribute('data-kg-ready', 'true');
  });
  if (visibleNodes.size) { fitView(); } else { network.fit({ animation: false }); }
})();
