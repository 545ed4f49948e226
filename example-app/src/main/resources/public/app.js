/*
 * Jingzhun example portal: a small single-page app with hash routing over the portal's REST API.
 * Plain ES2017, no libraries (the browser may have no internet); charts are inline SVG drawn here.
 * Text from the API is always inserted as text nodes, never as HTML.
 */
(function () {
  'use strict';

  // ---- helpers -------------------------------------------------------------------------------------------------

  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  var SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k.indexOf('on') === 0 && typeof v === 'function') node.addEventListener(k.substring(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    });
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }

  function fmt(n) { return n === null || n === undefined ? '' : Number(n).toLocaleString('zh-CN'); }
  function pct(n) { return n === null || n === undefined ? '' : Number(n).toFixed(2); }
  function money(n) { return n === null || n === undefined ? '' : Number(n).toFixed(2); }
  /** Yuan as 万元 with two decimals, e.g. 2,457.85 (for the big sums of the funds page). */
  function wan(n) {
    return n === null || n === undefined ? '' : (Number(n) / 10000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function ApiError(status, body) {
    this.status = status;
    this.body = body || {};
    this.message = (this.body.messageZh || this.body.message || ('HTTP ' + status));
  }

  /** The signed-in user (from /api/me or the login answer), with the CSRF token every change sends back. */
  var me = null;
  var selectedYear = null;
  /** Whether the user picked the year (pages with their own default, like funds, follow it only then). */
  var yearChosen = false;

  function request(path, options) {
    return fetch(path, options).then(function (res) {
      return res.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
        if (res.status === 401 && path !== '/api/login') { signedOut(body); }
        if (!res.ok) throw new ApiError(res.status, body);
        return body;
      });
    });
  }

  function api(path) {
    return request(path, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
  }

  /** A change: JSON body, the session's CSRF token in a header (the server refuses a change without it). */
  function post(path, body) {
    var headers = { 'Accept': 'application/json', 'Content-Type': 'application/json' };
    if (me) headers['X-CSRF-Token'] = me.csrfToken;
    return request(path, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify(body || {}) });
  }

  /** Adds the selected year to an API path. */
  function withYear(path) {
    return selectedYear ? path + (path.indexOf('?') >= 0 ? '&' : '?') + 'year=' + selectedYear : path;
  }

  var view = document.getElementById('view');
  var renderToken = 0;

  function show(node) {
    view.textContent = '';
    append(view, node);
  }

  function failure(e) {
    var body = e && e.body ? e.body : {};
    var list = body.violations ? el('ul', null, body.violations.map(function (v) {
      return el('li', { text: v.record + ' / ' + v.field + '：' + v.messageZh });
    })) : null;
    return el('div', { 'class': 'error', id: 'error' },
      el('strong', { text: '出错了 ' }), (e && e.status ? '(' + e.status + ') ' : ''),
      (e && e.message) || String(e), body.code ? el('small', { text: ' [' + body.code + ']' }) : null, list);
  }

  // ---- charts --------------------------------------------------------------------------------------------------

  /** Horizontal bar chart: rows of {label, value}; id names the svg for tests. */
  function hbars(id, rows, opts) {
    opts = opts || {};
    var rowH = 22, labelW = opts.labelWidth || 110, width = 520, valueW = 70;
    var plotW = width - labelW - valueW;
    var max = opts.max || Math.max.apply(null, rows.map(function (r) { return r.value; }).concat([1]));
    var height = rows.length * rowH + 10;
    var chart = svg('svg', { id: id, width: width, height: height, viewBox: '0 0 ' + width + ' ' + height,
      role: 'img', 'aria-label': opts.title || '' });
    rows.forEach(function (r, i) {
      var y = 5 + i * rowH;
      var w = Math.max(1, Math.round(plotW * r.value / max));
      chart.appendChild(svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', text: r.label }));
      chart.appendChild(svg('rect', { 'class': 'bar' + (r.alt ? ' alt' : ''), x: labelW, y: y + 3, width: w,
        height: rowH - 7, 'data-label': r.label, 'data-value': r.value },
        svg('title', { text: r.label + '：' + fmt(r.value) + (opts.unit || '') })));
      chart.appendChild(svg('text', { 'class': 'value', x: labelW + w + 4, y: y + 14,
        text: (opts.format || fmt)(r.value) + (opts.unit || '') }));
    });
    return chart;
  }

  /** Yearly chart: bars of poor people (left axis) and a line of incidence % (right axis). */
  function yearsChart(years) {
    var width = 560, height = 260, left = 56, right = 46, top = 16, bottom = 34;
    var plotW = width - left - right, plotH = height - top - bottom;
    var maxPeople = Math.max.apply(null, years.map(function (y) { return y.poorPeople; }).concat([1]));
    var maxPct = Math.max.apply(null, years.map(function (y) { return Number(y.incidencePercent); }).concat([1]));
    maxPct = Math.ceil(maxPct);
    var step = plotW / years.length;
    var chart = svg('svg', { id: 'years-chart', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height,
      role: 'img', 'aria-label': '历年贫困人口与贫困发生率' });
    for (var g = 0; g <= 4; g++) {
      var gy = top + plotH - plotH * g / 4;
      chart.appendChild(svg('line', { 'class': 'grid', x1: left, x2: left + plotW, y1: gy, y2: gy }));
      chart.appendChild(svg('text', { x: left - 4, y: gy + 4, 'text-anchor': 'end', text: fmt(Math.round(maxPeople * g / 4)) }));
      chart.appendChild(svg('text', { 'class': 'line-label', x: left + plotW + 4, y: gy + 4, text: (maxPct * g / 4).toFixed(1) + '%' }));
    }
    chart.appendChild(svg('line', { 'class': 'axis', x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH }));
    var points = [];
    years.forEach(function (y, i) {
      var cx = left + step * i + step / 2;
      var h = plotH * y.poorPeople / maxPeople;
      chart.appendChild(svg('rect', { 'class': 'bar alt', x: cx - step * 0.3, y: top + plotH - h, width: step * 0.6,
        height: Math.max(0, h), 'data-year': y.year, 'data-value': y.poorPeople },
        svg('title', { text: y.year + ' 年贫困人口 ' + fmt(y.poorPeople) })));
      chart.appendChild(svg('text', { x: cx, y: top + plotH + 16, 'text-anchor': 'middle', text: y.year }));
      var py = top + plotH - plotH * Number(y.incidencePercent) / maxPct;
      points.push(cx.toFixed(1) + ',' + py.toFixed(1));
      chart.appendChild(svg('circle', { 'class': 'dot', cx: cx, cy: py, r: 3.5, 'data-year': y.year,
        'data-incidence': pct(y.incidencePercent) }, svg('title', { text: y.year + ' 年贫困发生率 ' + pct(y.incidencePercent) + '%' })));
      chart.appendChild(svg('text', { 'class': 'line-label', x: cx, y: py - 7, 'text-anchor': 'middle', text: pct(y.incidencePercent) }));
    });
    chart.insertBefore(svg('polyline', { 'class': 'line', points: points.join(' ') }), chart.querySelector('circle'));
    chart.appendChild(svg('text', { x: left, y: height - 2, text: '柱：贫困人口（人）  线：贫困发生率（%）' }));
    return chart;
  }

  // ---- pages ---------------------------------------------------------------------------------------------------

  function statCard(label, en, valueNode, unit) {
    return el('div', { 'class': 'card' },
      el('div', { 'class': 'label' }, label, ' ', el('small', { text: en })),
      el('div', { 'class': 'value' }, valueNode, unit ? el('span', { 'class': 'unit', text: unit }) : null));
  }

  function dashboard(token) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    return Promise.all([api('/api/summary'), api('/api/breakdown'), api('/api/years'),
      api(withYear('/api/dashboard'))]).then(function (r) {
      if (token !== renderToken) return;
      var s = r[0], rows = r[1], years = r[2], d = r[3];
      var townships = rows.filter(function (x) { return x.level === 'TOWNSHIP'; });
      var poorVillages = rows.filter(function (x) { return x.poorVillage; }).length;
      var page = el('section', { id: 'dashboard' },
        el('h2', null, s.name + ' 总览', el('small', { text: 'Dashboard · ' + s.code })),
        el('div', { 'class': 'cards' },
          statCard('贫困发生率', 'incidence', el('span', { id: 'county-incidence', text: pct(s.incidencePercent) }), '%'),
          statCard('贫困户', 'poor households', el('span', { id: 'poor-households', text: fmt(s.poorHouseholds) }), '户'),
          statCard('贫困人口', 'poor people', el('span', { id: 'poor-people', text: fmt(s.poorPeople) }), '人'),
          statCard('在册农户', 'registered households', el('span', { id: 'registered-households', text: fmt(s.households) }), '户'),
          statCard('农村户籍人口', 'rural population', el('span', { text: fmt(s.ruralPopulation) }), '人'),
          statCard('贫困村', 'poor villages', el('span', { id: 'poor-villages', text: fmt(poorVillages) }), '个')));
      page.appendChild(yearSection(d));
      var panels = el('div', { 'class': 'panels' });
      if (years && years.length) {
        panels.appendChild(el('div', { 'class': 'panel', id: 'years-panel' },
          el('h3', null, '历年减贫进度 ', el('small', { text: 'by year' })),
          el('div', { 'class': 'years-body' }, yearsChart(years), yearsTable(years))));
      }
      panels.appendChild(el('div', { 'class': 'panel' },
        el('h3', null, '各乡镇贫困人口（当前） ', el('small', { text: 'poor people by township, as of today' })),
        townships.length ? hbars('township-chart', townships.map(function (t) {
          return { label: t.name, value: t.poorPeople };
        }), { unit: ' 人', title: '各乡镇贫困人口' }) : el('p', { text: '暂无乡镇数据' })));
      var causes = s.poorByMainCause || [];
      panels.appendChild(el('div', { 'class': 'panel' },
        el('h3', null, '主要致贫原因 ', el('small', { text: 'main cause of poor households' })),
        causes.length ? hbars('cause-chart', causes.map(function (c) {
          return { label: c.label, value: c.count };
        }), { unit: ' 户', labelWidth: 130, title: '主要致贫原因' }) : el('p', { text: '暂无贫困户' })));
      page.appendChild(panels);
      show(page);
    });
  }

  function yearsTable(years) {
    return el('table', { id: 'years-table' },
      el('thead', null, el('tr', null, ['年度', '在册户', '贫困户', '贫困人口', '发生率%', '当年脱贫人口', '减贫任务（人）', '监测户']
        .map(function (h) { return el('th', { 'class': 'num', text: h }); }))),
      el('tbody', null, years.map(function (y) {
        return el('tr', null, [y.year, fmt(y.registeredHouseholds), fmt(y.poorHouseholds), fmt(y.poorPeople),
          pct(y.incidencePercent), fmt(y.exitedPeople), y.targetPeople === null ? '—' : fmt(y.targetPeople), fmt(y.monitoredHouseholds)]
          .map(function (v) { return el('td', { 'class': 'num', text: v }); }));
      })));
  }

  function areas(token) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    return api('/api/breakdown').then(function (rows) {
      if (token !== renderToken) return;
      var area = rows[0];
      var body = el('tbody');
      rows.slice(1).forEach(function (r) {
        var isVillage = r.level === 'VILLAGE';
        var name = isVillage
          ? el('a', { href: '#/households?area=' + r.code, text: r.name })
          : el('span', { text: r.name });
        body.appendChild(el('tr', { 'class': isVillage ? 'village' : 'township', 'data-code': r.code },
          el('td', null, name, r.poorVillage ? el('span', { 'class': 'badge', text: '贫困村' }) : null),
          el('td', { text: r.code }),
          el('td', { 'class': 'num', text: fmt(r.ruralPopulation) }),
          el('td', { 'class': 'num', text: fmt(r.households) }),
          el('td', { 'class': 'num', text: fmt(r.poorHouseholds) }),
          el('td', { 'class': 'num', text: fmt(r.poorPeople) }),
          el('td', { 'class': 'num incidence', text: pct(r.incidencePercent) })));
      });
      show(el('section', { id: 'areas' },
        el('h2', null, '乡镇/村', el('small', { text: 'townships and villages of ' + area.name })),
        el('p', { 'class': 'masked-note' }, area.name + '：贫困发生率 ' + pct(area.incidencePercent) + '%，贫困人口 '
          + fmt(area.poorPeople) + ' 人。发生率 = 贫困人口 ÷ 农村户籍人口。'),
        el('table', { id: 'areas-table' },
          el('thead', null, el('tr', null,
            el('th', { text: '乡镇/村' }), el('th', { text: '区划代码' }), el('th', { 'class': 'num', text: '农村户籍人口' }),
            el('th', { 'class': 'num', text: '在册户数' }), el('th', { 'class': 'num', text: '贫困户' }),
            el('th', { 'class': 'num', text: '贫困人口' }), el('th', { 'class': 'num', text: '贫困发生率%' }))),
          body)));
    });
  }

  var PAGE_SIZE = 20;
  var regionTreeCache = null;

  function regionOptions(selected) {
    var select = el('select', { id: 'village-filter' });
    select.appendChild(el('option', { value: '', text: '全部 (all)' }));
    (regionTreeCache || []).forEach(function (root) {
      (root.children || []).forEach(function (town) {
        var group = el('optgroup', { label: town.name });
        group.appendChild(el('option', { value: town.code, selected: town.code === selected, text: town.name + '（全镇）' }));
        (town.children || []).forEach(function (v) {
          group.appendChild(el('option', { value: v.code, selected: v.code === selected,
            text: v.name + (v.poor ? ' ★贫困村' : '') }));
        });
        select.appendChild(group);
      });
    });
    select.addEventListener('change', function () {
      location.hash = '#/households' + (select.value ? '?area=' + select.value : '');
    });
    return select;
  }

  function households(token, params) {
    var area = params.area || '';
    var pageNo = Math.max(1, parseInt(params.page || '1', 10) || 1);
    var offset = (pageNo - 1) * PAGE_SIZE;
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    var tree = regionTreeCache ? Promise.resolve(regionTreeCache) : api('/api/regions');
    var q = '/api/households?offset=' + offset + '&limit=' + PAGE_SIZE + (area ? '&area=' + encodeURIComponent(area) : '');
    return Promise.all([tree, api(q)]).then(function (r) {
      if (token !== renderToken) return;
      regionTreeCache = r[0];
      var page = r[1];
      var pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
      var base = '#/households?' + (area ? 'area=' + area + '&' : '') + 'page=';
      var table = el('table', { id: 'household-table' },
        el('thead', null, el('tr', null, ['户编号', '乡镇', '村', '户主', '户主身份证号', '人口', '联系电话', '户类型', '状态', '主要致贫原因']
          .map(function (h) { return el('th', { text: h }); }))),
        el('tbody', null, page.items.map(function (h) {
          return el('tr', { 'data-id': h.id },
            el('td', null, el('a', { href: '#/household/' + encodeURIComponent(h.id), 'class': 'household-link', text: h.id })),
            el('td', { text: h.township }), el('td', { text: h.village }), el('td', { text: h.headName }),
            el('td', { 'class': 'citizen-id', text: h.headCitizenId }), el('td', { 'class': 'num', text: h.size }),
            el('td', { text: h.phone || '' }), el('td', { text: h.typeLabel }),
            el('td', null, el('span', { 'class': 'badge' + (h.status === 'EXITED' ? ' grey' : ''), text: h.statusLabel })),
            el('td', { text: h.mainCauseLabel }));
        })));
      show(el('section', { id: 'households' },
        el('h2', null, '农户', el('small', { text: 'registered households' })),
        el('div', { 'class': 'filters' }, el('label', { 'for': 'village-filter', text: '乡镇/村：' }), regionOptions(area),
          el('span', { id: 'household-total', text: '共 ' + fmt(page.total) + ' 户' })),
        table,
        el('div', { 'class': 'pager' },
          pageNo > 1 ? el('a', { href: base + (pageNo - 1), id: 'prev-page', text: '‹ 上一页' }) : el('span', { text: '‹ 上一页' }),
          el('span', { id: 'page-info', text: '第 ' + pageNo + ' / ' + pages + ' 页' }),
          pageNo < pages ? el('a', { href: base + (pageNo + 1), id: 'next-page', text: '下一页 ›' }) : el('span', { text: '下一页 ›' }))));
    });
  }

  function field(label, value) {
    return el('div', null, el('dt', { text: label }), el('dd', { text: value === null || value === undefined || value === '' ? '—' : String(value) }));
  }

  function yesNo(b) { return b ? '是' : '否'; }

  var CATEGORIES = [['WAGES', '工资性'], ['PRODUCTION', '生产经营性'], ['PROPERTY', '财产性'], ['TRANSFER', '转移性']];

  function incomeTable(incomes) {
    if (!incomes.length) return el('p', { id: 'incomes-empty', text: '暂无收入记录' });
    return el('table', { id: 'incomes-table' },
      el('thead', null, el('tr', null, [el('th', { text: '年度' }), el('th', { 'class': 'num', text: '家庭人口' })]
        .concat(CATEGORIES.map(function (c) { return el('th', { 'class': 'num', text: c[1] + '收入' }); }))
        .concat([el('th', { 'class': 'num', text: '生产经营支出' }), el('th', { 'class': 'num', text: '家庭纯收入' }),
          el('th', { 'class': 'num', text: '人均纯收入' })]))),
      el('tbody', null, incomes.map(function (s) {
        var sums = {};
        s.items.forEach(function (i) { sums[i.category] = (sums[i.category] || 0) + Number(i.amount); });
        return el('tr', { 'data-year': s.year }, [el('td', { text: s.year }), el('td', { 'class': 'num', text: s.householdSize })]
          .concat(CATEGORIES.map(function (c) { return el('td', { 'class': 'num', text: money(sums[c[0]] || 0) }); }))
          .concat([el('td', { 'class': 'num', text: money(s.productionCosts) }), el('td', { 'class': 'num', text: money(s.netIncome) }),
            el('td', { 'class': 'num per-capita', text: money(s.perCapitaNetIncome) })]));
      })));
  }

  var FIELD_LABELS = {
    phone: '联系电话', bankName: '开户银行', bankAccount: '银行账号', status: '脱贫状态', type: '户类型',
    mainCause: '主要致贫原因', otherCauses: '其他致贫原因', villageGroup: '村民小组', address: '地址', region: '所在村',
    standard: '识别标准', identifiedYear: '识别年度', flags: '户属性', safeDrinkingWater: '饮水安全', electricity: '通电',
    housing: '住房', land: '土地', mutualAidMember: '互助资金入会', mutualAidContribution: '互助资金', members: '家庭成员',
    name: '姓名', citizenId: '身份证号', relationship: '与户主关系', ethnicity: '民族', education: '文化程度',
    studentStatus: '在校生状况', health: '健康状况', labourAbility: '劳动技能', migrantWork: '务工情况',
    monthsWorked: '务工月数', insurances: '参保', servingSoldier: '现役军人', items: '收入', productionCosts: '生产经营支出',
    householdSize: '家庭人口', householdId: '户编号', year: '年度', id: '户编号'
  };

  /** members[1].health → 家庭成员2 健康状况 (health); unknown parts stay as they are. */
  function fieldLabel(path) {
    var zh = path.split('.').map(function (part) {
      var m = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
      if (!m || !FIELD_LABELS[m[1]]) return part;
      return FIELD_LABELS[m[1]] + (m[2] !== undefined ? (Number(m[2]) + 1) : '');
    }).join(' ');
    return zh === path ? path : zh + ' (' + path + ')';
  }

  function historyList(entries) {
    if (!entries.length) return el('p', { text: '暂无变更记录' });
    return el('ol', { 'class': 'timeline', id: 'history-timeline' }, entries.map(function (e) {
      var changes = e.changes || [];
      var table = changes.length ? el('table', { 'class': 'changes' },
        el('thead', null, el('tr', null, el('th', { text: '字段' }), el('th', { text: '原值' }), el('th', { text: '新值' }))),
        el('tbody', null, changes.map(function (c) {
          return el('tr', { 'data-path': c.path }, el('td', { text: fieldLabel(c.path) }), el('td', { text: c.before === null ? '' : c.before }),
            el('td', { text: c.after === null ? '' : c.after }));
        }))) : null;
      // A registration lists every field; keep it folded so the timeline stays readable.
      var body = table && (e.action === 'register' || changes.length > 8)
        ? el('details', null, el('summary', { text: '查看 ' + changes.length + ' 项字段' }), table) : table;
      return el('li', { 'data-action': e.action, 'data-sequence': e.sequence },
        el('span', { 'class': 'when', text: new Date(e.at).toLocaleString('zh-CN') }),
        el('span', { 'class': 'action', text: e.actionLabel }),
        el('span', { 'class': 'actor', text: e.actorName }),
        e.reason ? el('span', null, '：', el('span', { 'class': 'reason', text: e.reason })) : null,
        body);
    }));
  }

  function plansList(plans) {
    if (!plans.length) return el('p', { id: 'plans-empty', text: '暂无帮扶计划' });
    return el('div', { id: 'plans' }, plans.map(function (p) {
      return el('div', { 'class': 'plan', 'data-year': p.year },
        el('h4', null, p.year + ' 年帮扶计划 ', el('small', { text: '收入目标 ' + money(p.incomeGoal) + ' 元/人 · 投入 '
          + money(p.totalCost) + ' 元 · 预期增收 ' + money(p.totalBenefit) + ' 元' + (p.responsibleCadre ? ' · 包户干部 ' + p.responsibleCadre : '') })),
        p.needs.length ? el('p', { 'class': 'needs', text: '需求：' + p.needs.join('；') }) : null,
        el('table', { 'class': 'measures' },
          el('thead', null, el('tr', null, ['措施', '类型', '投入(元)', '预期增收(元)', '资金来源', '责任人', '完成时限', '状态']
            .map(function (t, i) { return el('th', { 'class': i === 2 || i === 3 ? 'num' : null, text: t }); }))),
          el('tbody', null, p.measures.map(function (m) {
            var notes = (m.progress || []).map(function (n) { return n.date + ' ' + n.author + '：' + n.text; }).join('\n');
            return el('tr', { 'data-measure': m.id, title: notes || null },
              el('td', { 'class': 'measure-name', text: m.name }), el('td', { text: m.typeLabel }),
              el('td', { 'class': 'num', text: money(m.cost) }), el('td', { 'class': 'num', text: money(m.benefit) }),
              el('td', { text: m.fundingSourceLabel }), el('td', { text: m.owner || '—' }),
              el('td', { text: m.deadline }), el('td', null, el('span', { 'class': 'badge' + (m.status === 'DONE' ? ' grey' : ''), text: m.statusLabel })));
          }))));
    }));
  }

  function householdFundsTable(years) {
    if (!years.length) return el('p', { id: 'household-funds-empty', text: '暂无到户资金' });
    var rows = [];
    var grand = 0;
    years.forEach(function (y) {
      grand += Number(y.total);
      y.payments.forEach(function (p) {
        rows.push(el('tr', { 'class': 'payment', 'data-year': y.year }, el('td', { text: y.year }), el('td', { text: p.date }),
          el('td', { text: p.projectName }), el('td', { text: p.purpose }), el('td', { 'class': 'num amount', text: money(p.amount) })));
      });
      y.subsidies.forEach(function (s) {
        rows.push(el('tr', { 'class': 'subsidy', 'data-year': y.year }, el('td', { text: y.year }), el('td', { text: s.days + ' 天' }),
          el('td', { text: '扶贫小额信贷贴息 ' + s.loanId }), el('td', { text: s.explanation }),
          el('td', { 'class': 'num amount', text: money(s.subsidy) })));
      });
    });
    return el('table', { id: 'household-funds-table' },
      el('thead', null, el('tr', null, ['年度', '日期', '项目', '用途', '金额(元)']
        .map(function (t, i) { return el('th', { 'class': i === 4 ? 'num' : null, text: t }); }))),
      el('tbody', null, rows),
      el('tfoot', null, el('tr', null, el('td', { colspan: 4, text: '合计' }),
        el('td', { 'class': 'num', id: 'household-funds-total', text: money(grand) }))));
  }

  function householdCard(token, id) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    var path = '/api/households/' + encodeURIComponent(id);
    return Promise.all([api(path), api(path + '/history'), api(path + '/plans'), api(path + '/funds')]).then(function (r) {
      if (token !== renderToken) return;
      var h = r[0], history = r[1], plans = r[2], received = r[3];
      var members = el('table', { id: 'members-table' },
        el('thead', null, el('tr', null, ['姓名', '身份证号', '与户主关系', '性别', '年龄', '文化程度', '在校生状况', '健康状况', '劳动技能', '务工情况', '参保']
          .map(function (t) { return el('th', { text: t }); }))),
        el('tbody', null, h.members.map(function (m) {
          return el('tr', null, el('td', { text: m.name }), el('td', { 'class': 'citizen-id', text: m.citizenId }),
            el('td', { text: m.relationshipLabel }), el('td', { text: m.sex }), el('td', { 'class': 'num', text: m.age }),
            el('td', { text: m.education }), el('td', { text: m.studentStatus }), el('td', { text: m.health }),
            el('td', { text: m.labourAbility }), el('td', { text: m.migrantWork + (m.monthsWorked ? '（' + m.monthsWorked + '个月）' : '') }),
            el('td', { text: m.insurances.join('、') }));
        })));
      var housing = h.housing ? h.housing.area + '㎡ ' + h.housing.structure + (h.housing.buildYear ? '（' + h.housing.buildYear + '年）' : '') + ' ' + h.housing.safety : null;
      show(el('section', { id: 'household-card', 'data-id': h.id },
        el('a', { 'class': 'back', href: '#/households?area=' + h.region, text: '‹ 返回本村农户' }),
        el('h2', null, '农户卡片 ' + h.id, el('span', { 'class': 'badge', id: 'card-status', text: h.statusLabel }),
          el('small', { text: 'household card' })),
        h.personalDataMasked ? el('p', { 'class': 'masked-note', id: 'masked-note', text: '个人信息已去标识化显示（无查看个人信息权限）。' }) : null,
        el('h3', { text: '基本信息' }),
        el('dl', { 'class': 'fields', id: 'card-fields' },
          field('所在地', h.regionPath), field('村民小组', h.villageGroup), field('地址', h.address),
          field('联系电话', h.phone), field('开户银行', h.bankName), field('银行账号', h.bankAccount),
          field('识别标准', h.standard), field('户类型', h.typeLabel), field('识别年度', h.identifiedYear),
          field('主要致贫原因', h.mainCauseLabel), field('其他致贫原因', h.otherCauses.join('、')),
          field('户属性', h.flags.join('、')), field('住房', housing), field('饮水安全', yesNo(h.safeDrinkingWater)),
          field('通生活用电', yesNo(h.electricity)), field('耕地（亩）', h.arableLand), field('有效灌溉（亩）', h.irrigatedLand),
          field('林地（亩）', h.forestLand), field('互助资金', h.mutualAidMember ? '入会 ' + money(h.mutualAidContribution) + ' 元' : '未入会'),
          field('家庭人口', h.members.length), field('记录版本', h.version)),
        el('h3', null, '家庭成员 ', el('small', { text: 'members' })), members,
        el('h3', null, '年度收入 ', el('small', { text: 'income by year · 人均纯收入 = 家庭纯收入 ÷ 家庭人口' })), incomeTable(h.incomes),
        el('h3', null, '帮扶计划 ', el('small', { text: 'assistance plans by year (一户一策)' })), plansList(plans),
        el('h3', null, '到户资金 ', el('small', { text: 'money that reached the household' })), householdFundsTable(received),
        el('h3', null, '明白卡 ', el('small', { text: 'benefit statement' })),
        el('p', null, el('a', { href: '#/benefit/' + encodeURIComponent(h.id), id: 'benefit-link', text: '查看并打印本户明白卡' })),
        el('h3', null, '变更记录 ', el('small', { text: 'history' })), historyList(history)));
    });
  }

  // ---- funds ---------------------------------------------------------------------------------------------------

  function fundsQuery(area, year) {
    var q = [];
    if (area) q.push('area=' + encodeURIComponent(area));
    if (year) q.push('year=' + encodeURIComponent(year));
    return q.length ? '?' + q.join('&') : '';
  }

  /** Areas to choose on the funds page: the principal's area, the areas under it, and the poor villages below those. */
  function fundsAreaOptions(tree, selected, year) {
    var select = el('select', { id: 'funds-area' });
    (tree || []).forEach(function (root) {
      select.appendChild(el('option', { value: root.code, selected: root.code === selected, text: root.name }));
      (root.children || []).forEach(function (c) {
        select.appendChild(el('option', { value: c.code, selected: c.code === selected, text: '　' + c.name + (c.poor ? ' ★贫困村' : '') }));
        (c.children || []).filter(function (v) { return v.poor; }).forEach(function (v) {
          select.appendChild(el('option', { value: v.code, selected: v.code === selected, text: '　　' + v.name + ' ★贫困村' }));
        });
      });
    });
    select.addEventListener('change', function () { location.hash = '#/funds' + fundsQuery(select.value, year); });
    return select;
  }

  function fundsYearOptions(years, selected, area) {
    var select = el('select', { id: 'funds-year' });
    years.slice().reverse().forEach(function (y) {
      select.appendChild(el('option', { value: String(y), selected: String(y) === selected, text: y + ' 年度' }));
    });
    select.appendChild(el('option', { value: 'all', selected: selected === 'all', text: '全部年度' }));
    select.addEventListener('change', function () { location.hash = '#/funds' + fundsQuery(area, select.value); });
    return select;
  }

  function fundLineTable(id, first, rows, total) {
    var line = function (l, cls) {
      return el('tr', { 'class': cls || null, 'data-key': l.key }, el('td', { text: l.label }),
        el('td', { 'class': 'num', text: money(l.received) }), el('td', { 'class': 'num', text: money(l.allocated) }),
        el('td', { 'class': 'num', text: money(l.disbursed) }), el('td', { 'class': 'num rate', text: Number(l.ratePercent).toFixed(1) }));
    };
    return el('table', { id: id },
      el('thead', null, el('tr', null, [first, '到位/安排(元)', '已分配(元)', '已支出(元)', '支出进度%']
        .map(function (t, i) { return el('th', { 'class': i ? 'num' : null, text: t }); }))),
      el('tbody', null, rows.map(function (l) { return line(l); })),
      total ? el('tfoot', null, line(total, 'total')) : null);
  }

  function projectsTable(projects) {
    if (!projects.length) return el('p', { id: 'projects-empty', text: '暂无项目' });
    return el('table', { id: 'projects-table' },
      el('thead', null, el('tr', null, ['项目', '年度', '地区', '类别', '责任单位', '受益户', '状态', '预算(元)', '已分配(元)', '已支出(元)', '支出进度%']
        .map(function (t, i) { return el('th', { 'class': i === 1 || i >= 5 && i !== 6 ? 'num' : null, text: t }); }))),
      el('tbody', null, projects.map(function (p) {
        return el('tr', { 'data-id': p.id, 'data-category': p.category },
          el('td', null, el('span', { 'class': 'project-name', text: p.name }), el('small', { text: ' ' + p.id })),
          el('td', { 'class': 'num', text: p.year }), el('td', { text: p.areaName }), el('td', { text: p.categoryLabel }),
          el('td', { text: p.owner }), el('td', { 'class': 'num', text: p.beneficiaries || '' }),
          el('td', null, el('span', { 'class': 'badge' + (p.status === 'COMPLETED' ? ' grey' : ''), text: p.statusLabel })),
          el('td', { 'class': 'num', text: money(p.budget) }), el('td', { 'class': 'num', text: money(p.allocated) }),
          el('td', { 'class': 'num', text: money(p.disbursed) }), el('td', { 'class': 'num rate', text: Number(p.ratePercent).toFixed(1) }));
      })));
  }

  function funds(token, params) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    var tree = regionTreeCache ? Promise.resolve(regionTreeCache) : api('/api/regions');
    return Promise.all([tree, api('/api/funds' + fundsQuery(params.area, params.year || (yearChosen ? String(selectedYear) : '')))]).then(function (r) {
      if (token !== renderToken) return;
      regionTreeCache = r[0];
      var f = r[1];
      var yearKey = f.year === null ? 'all' : String(f.year);
      // Projects placed at the area itself (e.g. county-level projects) are its "own level" (本级).
      var byArea = f.byArea.map(function (l) {
        return l.key === f.area ? Object.assign({}, l, { label: l.label + '本级' }) : l;
      });
      var rate = function (l) { return { label: l.label, value: Number(l.ratePercent) }; };
      var t = f.total;
      show(el('section', { id: 'funds', 'data-area': f.area, 'data-year': yearKey },
        el('h2', null, f.areaName + ' 扶贫资金', el('small', { text: 'funds · ' + (f.year === null ? '全部年度' : f.year + ' 年度') })),
        el('div', { 'class': 'filters' }, el('label', { 'for': 'funds-area', text: '地区：' }), fundsAreaOptions(regionTreeCache, f.area, params.year),
          el('label', { 'for': 'funds-year', text: '年度：' }), fundsYearOptions(f.years, yearKey, params.area),
          el('a', { href: '/download/funds.csv' + fundsQuery(f.area, yearKey), download: '', id: 'funds-csv', text: '下载 CSV' })),
        el('div', { 'class': 'cards' },
          statCard('到位资金', 'received', el('span', { id: 'funds-received', text: wan(t.received) }), '万元'),
          statCard('已分配', 'allocated', el('span', { id: 'funds-allocated', text: wan(t.allocated) }), '万元'),
          statCard('已支出', 'disbursed', el('span', { id: 'funds-disbursed', text: wan(t.disbursed) }), '万元'),
          statCard('支出进度', 'disbursement rate', el('span', { id: 'funds-rate', text: Number(t.ratePercent).toFixed(1) }), '%'),
          statCard('项目', 'projects', el('span', { id: 'funds-project-count', text: fmt(f.projects.length) }), '个')),
        el('p', { 'class': 'masked-note', text: '支出进度 = 已支出 ÷ 到位资金；地区一栏按该地区项目已分配的资金计。数据日期 ' + f.issuedOn + '。' }),
        el('div', { 'class': 'panels' },
          el('div', { 'class': 'panel' }, el('h3', null, '按资金类别的支出进度 ', el('small', { text: 'rate by kind of source' })),
            f.byKind.length ? hbars('funds-kind-chart', f.byKind.map(rate), { max: 100, unit: '%', labelWidth: 150,
              format: function (v) { return v.toFixed(1); }, title: '按资金类别的支出进度' }) : el('p', { text: '暂无数据' })),
          el('div', { 'class': 'panel' }, el('h3', null, '按地区的支出进度 ', el('small', { text: 'rate by area' })),
            byArea.length ? hbars('funds-area-chart', byArea.map(rate), { max: 100, unit: '%',
              format: function (v) { return v.toFixed(1); }, title: '按地区的支出进度' }) : el('p', { text: '暂无数据' }))),
        el('h3', null, '按资金类别 ', el('small', { text: 'by kind of source' })), fundLineTable('funds-kind-table', '资金类别', f.byKind, t),
        el('h3', null, '按地区 ', el('small', { text: 'by area (money allocated to the projects there)' })), fundLineTable('funds-area-table', '地区', byArea, null),
        el('h3', null, '项目 ', el('small', { text: 'projects' })), projectsTable(f.projects)));
    });
  }

  function downloads() {
    var items = [
      ['/download/households.xlsx', '农户卡片 Excel', 'households.xlsx — 户信息、家庭成员、当年收入三张表（按本人权限脱敏）'],
      ['/download/national.xlsx', '全国系统格式 Excel', 'national.xlsx — 全国扶贫开发信息系统的户信息与家庭成员表'],
      ['/download/households.ndjson', '农户卡片 NDJSON', 'households.ndjson — 每行一条记录，便于程序处理'],
      ['/download/public-notice.csv', '公示名单 CSV', 'public-notice.csv — 仅姓名、所在村、类别、理由（公示脱敏）'],
      ['/download/summary.csv', '分区统计 CSV', 'summary.csv — 县、乡镇、村的贫困户、贫困人口与贫困发生率'],
      ['/download/funds.csv', '资金使用情况 CSV', 'funds.csv — 最近年度按资金类别、地区、项目的到位、分配、支出与支出进度']
    ];
    show(el('section', { id: 'downloads' },
      el('h2', null, '下载', el('small', { text: 'downloads' })),
      el('p', { 'class': 'masked-note', text: '下载文件由本库按本人权限脱敏：无查看个人信息权限时身份证号、电话、银行账号为掩码，地址与健康状况不导出；以 = + - @ 开头的文字按文本写出，不会被 Excel 当作公式。' }),
      el('ul', { 'class': 'downloads' }, items.map(function (i) {
        return el('li', null, el('a', { href: i[0], download: '', 'class': 'download-link', text: i[1] }), ' ',
          el('small', { text: i[2] }));
      }))));
    return Promise.resolve();
  }

  // ---- the year on the dashboard ---------------------------------------------------------------------------------

  /** The selected year: its figures (once the library closed the year), monitoring and exits by village. */
  function yearSection(d) {
    var f = d.figures;
    var cards = el('div', { 'class': 'cards' },
      f ? statCard(d.year + ' 年贫困发生率', 'incidence', el('span', { id: 'year-incidence', text: pct(f.incidencePercent) }), '%') : null,
      f ? statCard(d.year + ' 年末贫困人口', 'poor people', el('span', { id: 'year-poor-people', text: fmt(f.poorPeople) }), '人') : null,
      f ? statCard(d.year + ' 年脱贫人口', 'people exited', el('span', { id: 'year-exited-people', text: fmt(f.exitedPeople) }), '人') : null,
      statCard(d.year + ' 年脱贫户', 'households exited', el('span', { id: 'year-exited', text: fmt(f ? f.exitedHouseholds : d.exitedHouseholds) }), '户'),
      statCard(d.year + ' 年监测户', 'monitored households', el('span', { id: 'year-monitored', text: fmt(f ? f.monitoredHouseholds : d.monitored) }), '户'),
      statCard('监测中（未消除风险）', 'still at risk', el('span', { id: 'year-at-risk', text: fmt(d.monitoredAtRisk) }), '户'));
    var villages = d.exitsByVillage.slice(0, 15);
    return el('section', { id: 'year-section', 'data-year': d.year },
      el('h3', null, d.year + ' 年度 ', el('small', { text: 'the selected year' })), cards,
      el('div', { 'class': 'panels' },
        el('div', { 'class': 'panel' }, el('h3', null, '各村脱贫退出户数 ', el('small', { text: 'households exited by village, top 15' })),
          villages.length ? hbars('village-exits-chart', villages.map(function (v) {
            return { label: v.township + ' ' + v.name, value: v.households };
          }), { unit: ' 户', labelWidth: 170, title: '各村脱贫退出户数' }) : el('p', { id: 'village-exits-empty', text: '本年度无脱贫退出' })),
        el('div', { 'class': 'panel' }, el('h3', null, '监测对象类别 ', el('small', { text: 'monitored households by category' })),
          d.monitoredByCategory.length ? hbars('monitored-chart', d.monitoredByCategory.map(function (c) {
            return { label: c.label, value: c.count };
          }), { unit: ' 户', labelWidth: 130, title: '监测对象类别' }) : el('p', { text: '本年度无监测对象' }))));
  }

  // ---- the clerk's work --------------------------------------------------------------------------------------------

  function reasonInput(id) { return el('input', { type: 'text', id: id, 'class': 'reason-input', placeholder: '意见/理由', maxlength: 200 }); }

  function caseRow(c, reload) {
    var key = c.kind.toLowerCase() + '-' + c.id;
    var reason = reasonInput('reason-' + key);
    var message = el('span', { 'class': 'step-message' });
    var votes = null;
    var category = null;
    var controls = c.actions.map(function (a) {
      if (a.action === 'verify') {
        category = el('select', { 'class': 'category-select', 'aria-label': '拟纳入类别' }, MONITORING_CATEGORIES.map(function (k) {
          return el('option', { value: k[0], text: k[1] });
        }));
      }
      if (a.action === 'vote') {
        votes = el('span', { 'class': 'votes' }, '赞成 ', el('input', { type: 'number', min: 0, value: 7, 'class': 'vote-for', size: 3 }),
          ' 反对 ', el('input', { type: 'number', min: 0, value: 1, 'class': 'vote-against', size: 3 }),
          ' 弃权 ', el('input', { type: 'number', min: 0, value: 0, 'class': 'vote-abstain', size: 3 }));
      }
      return el('button', { type: 'button', 'class': 'step', 'data-action': a.action, text: a.label, onclick: function () {
        var body = { reason: reason.value };
        if (a.action === 'vote') {
          body.inFavour = Number(votes.querySelector('.vote-for').value);
          body.against = Number(votes.querySelector('.vote-against').value);
          body.abstained = Number(votes.querySelector('.vote-abstain').value);
        }
        if (a.action === 'verify') body.category = category.value;
        if (!reason.value.trim()) { message.textContent = '请填写理由'; return; }
        post('/api/cases/' + c.kind.toLowerCase() + '/' + encodeURIComponent(c.id) + '/' + a.action, body)
          .then(reload, function (e) { message.textContent = e.message; message.className = 'step-message error-text'; });
      } });
    });
    var notice = c.noticeOpenedOn ? '公示 ' + c.noticeOpenedOn + ' 起，至少至 ' + c.noticeRunsUntil : '';
    return el('tr', { 'data-case': c.id, 'data-kind': c.kind, 'data-stage': c.stage },
      el('td', null, el('span', { text: c.kindLabel }), el('br'), el('small', { text: c.id })),
      el('td', { text: (c.township || '') + ' ' + c.village }), el('td', { 'class': 'case-name', text: c.name || '' }),
      el('td', null, el('span', { 'class': 'badge stage', text: c.stageLabel }), notice ? el('small', { text: ' ' + notice }) : null,
        c.objections.length ? el('div', { 'class': 'objections', text: '异议：' + c.objections.join('；') }) : null,
        c.lead ? el('div', { 'class': 'lead', text: c.lead }) : null),
      el('td', null, c.actions.length ? [votes, category, reason, controls, message] : el('small', { text: '待其他层级办理' })));
  }

  var MONITORING_CATEGORIES = [['UNSTABLE_EXITED', '脱贫不稳定户'], ['MARGINAL', '边缘易致贫户'], ['SUDDEN_HARDSHIP', '突发严重困难户']];

  /** The form for a monitoring lead found on a visit or reported by the household (only for users who may write). */
  function leadForm(householdId, reload) {
    if (!me || me.permissions.indexOf('WRITE') < 0) return null;
    var household = el('input', { type: 'text', id: 'lead-household', value: householdId || '', placeholder: '户编号', maxlength: 40 });
    var kind = el('select', { id: 'lead-kind', 'aria-label': '线索来源' },
      el('option', { value: 'CADRE_VISIT', text: '干部走访排查' }), el('option', { value: 'SELF_REPORT', text: '农户自主申报' }));
    var source = el('input', { type: 'text', id: 'lead-source', placeholder: '报告人（干部或户主）', maxlength: 60 });
    var reason = el('input', { type: 'text', id: 'lead-reason', placeholder: '发现的情况（如：务工中断、大病支出）', maxlength: 200, size: 40 });
    var message = el('span', { id: 'lead-message', 'class': 'step-message' });
    var form = el('form', { id: 'lead-form', 'class': 'lead-form' },
      el('strong', { text: '录入监测线索 ' }), household, ' ', kind, ' ', source, ' ', reason, ' ',
      el('button', { type: 'submit', id: 'lead-submit', text: '登记线索' }), ' ', message);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!household.value.trim() || !source.value.trim() || !reason.value.trim()) { message.textContent = '请填写户编号、报告人和情况'; return; }
      post('/api/monitoring/leads', { householdId: household.value.trim(), kind: kind.value, source: source.value, reason: reason.value })
        .then(function () {
          if (location.hash.indexOf('?') >= 0) location.hash = '#/cases'; else reload();
        }, function (e) { message.textContent = e.message; message.className = 'step-message error-text'; });
    });
    return form;
  }

  function cases(token, params) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    return api(withYear('/api/cases')).then(function (q) {
      if (token !== renderToken) return;
      var reload = function () { route(); };
      show(el('section', { id: 'cases' },
        el('h2', null, '办理', el('small', { text: 'cases waiting · ' + (q.year || '全部年度') })),
        el('p', { 'class': 'masked-note', text: '识别、退出与防返贫监测程序中未办结的案件；可办理的排在前面。每一步都由程序库核验范围、权限、层级与公示期。' }),
        leadForm(params.household, reload),
        q.cases.length ? el('table', { id: 'cases-table' },
          el('thead', null, el('tr', null, ['程序', '地区', '户主', '环节', '办理'].map(function (t) { return el('th', { text: t }); }))),
          el('tbody', null, q.cases.map(function (c) { return caseRow(c, reload); })))
          : el('p', { id: 'cases-empty', text: '暂无待办案件' }),
        q.total > q.cases.length ? el('p', { 'class': 'masked-note', text: '共 ' + q.total + ' 件，仅显示前 ' + q.cases.length + ' 件。' }) : null));
    });
  }

  function notices(token) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    return api(withYear('/api/notices')).then(function (n) {
      if (token !== renderToken) return;
      show(el('section', { id: 'notices', 'class': 'printable' },
        el('div', { 'class': 'no-print' }, el('button', { type: 'button', id: 'print-notices', text: '打印公示', onclick: function () { window.print(); } })),
        el('h2', { 'class': 'notice-title', text: n.areaName + ' 公示' }),
        el('p', { text: '下列农户正在公示（识别、退出公示不少于 7 天，监测对象公示不少于 5 天）。如有异议，请在公示期内向村委会或乡镇人民政府反映。' }),
        n.lines.length ? el('table', { id: 'notices-table' },
          el('thead', null, el('tr', null, ['姓名', '乡镇', '村', '类别', '理由', '公示期'].map(function (t) { return el('th', { text: t }); }))),
          el('tbody', null, n.lines.map(function (l) {
            return el('tr', { 'data-case': l.caseId }, el('td', { text: l.name }), el('td', { text: l.township || '' }),
              el('td', { text: l.village }), el('td', { text: l.category }), el('td', { text: l.reason }),
              el('td', { text: l.openedOn + ' 至 ' + l.runsUntil }));
          }))) : el('p', { id: 'notices-empty', text: '目前没有公示中的案件' }),
        el('p', { 'class': 'notice-date', text: '日期：' + n.today })));
    });
  }

  function benefit(token, id) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    return api(withYear('/api/households/' + encodeURIComponent(id) + '/benefits')).then(function (b) {
      if (token !== renderToken) return;
      show(el('section', { id: 'benefit', 'class': 'printable', 'data-id': b.householdId },
        el('div', { 'class': 'no-print' }, el('a', { 'class': 'back', href: '#/household/' + encodeURIComponent(b.householdId), text: '‹ 返回农户卡片' }), ' ',
          el('button', { type: 'button', id: 'print-benefit', text: '打印明白卡', onclick: function () { window.print(); } }), ' ',
          el('a', { id: 'benefit-print-link', target: '_blank', rel: 'noopener', href: '/print/benefits/' + encodeURIComponent(b.householdId) + '?year=' + b.year, text: '打印版（程序库生成）' })),
        el('h2', { text: '扶贫政策明白卡 ' + b.year + ' 年度' }),
        el('dl', { 'class': 'fields' }, field('户编号', b.householdId), field('所在地', b.regionPath), field('户主', b.headName),
          field('身份证号', b.headIdMasked), field('状态', b.statusLabel), field('填发日期', b.issuedOn)),
        b.lines.length ? el('ol', { id: 'benefit-lines' }, b.lines.map(function (l) {
          return el('li', null, el('strong', { text: l.title + '  ' + money(l.amount) + ' 元' }),
            el('div', null, el('small', { text: '依据：' + l.basis })),
            l.parts.length ? el('ul', null, l.parts.map(function (p) { return el('li', { text: p }); })) : null,
            el('div', { text: '结论：' + l.result }));
        })) : el('p', { id: 'benefit-empty', text: '本年度无享受政策金额' }),
        el('p', { id: 'benefit-total', text: '合计：' + money(b.total) + ' 元' })));
    });
  }

  // ---- the audit log ---------------------------------------------------------------------------------------------

  function auditQuery(params, before) {
    var q = [];
    ['from', 'to', 'actor', 'type', 'subject'].forEach(function (k) {
      if (params[k]) q.push(k + '=' + encodeURIComponent(params[k]));
    });
    if (before) q.push('before=' + before);
    return '/api/audit' + (q.length ? '?' + q.join('&') : '');
  }

  function auditRow(e) {
    var change = function (label, json) {
      return json ? el('details', null, el('summary', { text: label }), el('pre', { text: json })) : null;
    };
    return el('tr', { 'data-sequence': e.sequence },
      el('td', { 'class': 'num', text: e.sequence }), el('td', { text: e.at }),
      el('td', null, el('span', { text: e.actorName || '' }), el('br'), el('small', { text: e.actorId })),
      el('td', null, el('span', { text: e.entityType }), el('br'), el('small', { 'class': 'entity-id', text: e.entityId })),
      el('td', { text: e.action }), el('td', { 'class': 'audit-reason', text: e.reason || '' }),
      el('td', { 'class': 'audit-change' }, change('变更前', e.before), change('变更后', e.after)));
  }

  /** The county's audit log, newest first, with filters, keyset "more" and the hash-chain check. */
  function audit(token, params) {
    show(el('p', { 'class': 'loading', text: '加载中…' }));
    return api(auditQuery(params)).then(function (page) {
      if (token !== renderToken) return;
      var input = function (name, type, placeholder) {
        return el('input', { type: type, id: 'audit-' + name, name: name, value: params[name] || '', placeholder: placeholder, maxlength: 100 });
      };
      var fields = [input('from', 'date', ''), input('to', 'date', ''), input('actor', 'text', '操作人账号'),
        input('type', 'text', '对象类型（如 household）'), input('subject', 'text', '对象编号')];
      var filter = el('form', { id: 'audit-filter', 'class': 'filters' },
        el('label', { text: '起 ' }), fields[0], el('label', { text: ' 止 ' }), fields[1], ' ', fields[2], ' ', fields[3], ' ', fields[4], ' ',
        el('button', { type: 'submit', id: 'audit-apply', text: '筛选' }));
      filter.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var q = fields.filter(function (f) { return f.value.trim(); }).map(function (f) {
          return f.name + '=' + encodeURIComponent(f.value.trim());
        });
        location.hash = '#/audit' + (q.length ? '?' + q.join('&') : '');
      });
      var result = el('div', { id: 'audit-verify-result' });
      var verify = el('button', { type: 'button', id: 'audit-verify', text: '校验哈希链', onclick: function () {
        result.textContent = '校验中…';
        result.removeAttribute('data-intact');
        api('/api/audit/verify').then(function (v) {
          result.textContent = v.intact ? '哈希链完整：已校验 ' + v.checked + ' 条记录。'
            : '哈希链断裂：第 ' + v.brokenSequence + ' 号记录 ' + v.problemLabel + '（已校验 ' + v.checked + ' 条）。';
          result.className = v.intact ? 'ok-text' : 'error-text';
          result.setAttribute('data-intact', String(v.intact));
          if (!v.intact) result.setAttribute('data-broken', String(v.brokenSequence));
        }, function (e) { result.textContent = e.message; result.className = 'error-text'; });
      } });
      var body = el('tbody', null, page.items.map(auditRow));
      var next = page.next;
      var more = el('button', { type: 'button', id: 'audit-more', text: '更多', hidden: next === null, onclick: function () {
        more.disabled = true;
        api(auditQuery(params, next)).then(function (p) {
          p.items.forEach(function (e) { body.appendChild(auditRow(e)); });
          next = p.next;
          more.disabled = false;
          more.hidden = next === null;
          table.setAttribute('data-rows', String(body.children.length));
        }, function (e) { more.disabled = false; result.textContent = e.message; result.className = 'error-text'; });
      } });
      var table = el('table', { id: 'audit-table', 'data-rows': page.items.length },
        el('thead', null, el('tr', null, ['序号', '时间', '操作人', '对象', '操作', '理由', '变更'].map(function (t) { return el('th', { text: t }); }))),
        body);
      show(el('section', { id: 'audit' },
        el('h2', null, '审计日志', el('small', { text: 'audit log · ' + page.county })),
        el('p', { 'class': 'masked-note', text: me.personalDataVisible ? '按时间倒序。' : '按时间倒序；个人信息已由程序库脱敏。' }),
        el('div', { 'class': 'no-print' }, verify, ' ', result), filter,
        page.items.length ? table : el('p', { id: 'audit-empty', text: '没有符合条件的记录' }), more));
    });
  }

  // ---- import --------------------------------------------------------------------------------------------------

  /** Uploads a national-format sheet (户信息 + 家庭成员): validate first, then import; the library does every check. */
  function importPage() {
    var file = el('input', { type: 'file', id: 'import-file', accept: '.xlsx,.csv,.ndjson' });
    var mode = el('select', { id: 'import-mode' },
      el('option', { value: 'validate', text: '仅校验（不写入）' }),
      el('option', { value: 'all', text: '全部正确才写入' }),
      el('option', { value: 'valid', text: '写入正确的农户' }));
    var result = el('div', { id: 'import-result' });
    var button = el('button', { type: 'submit', id: 'import-submit', text: '上传' });
    var form = el('form', { id: 'import-form', 'class': 'filters' }, file, ' ', mode, ' ', button);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!file.files.length) { result.textContent = '请选择文件'; return; }
      var data = new FormData();
      data.append('file', file.files[0]);
      button.disabled = true;
      result.textContent = '处理中…';
      request('/api/import?mode=' + encodeURIComponent(mode.value), { method: 'POST', credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-CSRF-Token': me.csrfToken }, body: data }).then(function (r) {
        button.disabled = false;
        result.textContent = '';
        result.setAttribute('data-refused', String(r.refused));
        append(result, el('p', { id: 'import-summary', text: r.fileName + '：读入 ' + r.householdsRead + ' 户（' + r.rowsRead +
          ' 行），新登记 ' + r.registered + '，更新 ' + r.amended + '，有误 ' + r.refused + ' 户；' + (r.written ? '已写入。' : '未写入。') }));
        if (r.reportUrl) {
          append(result, el('p', null, el('a', { href: r.reportUrl, id: 'import-report', download: '', text: '下载错误报告' }),
            el('small', { text: ' 在“错误说明”列查看原因，改正后重新上传。' })));
        }
        if (r.errors.length) {
          append(result, el('table', { id: 'import-errors' },
            el('thead', null, el('tr', null, ['表', '行', '列', '值', '原因'].map(function (t) { return el('th', { text: t }); }))),
            el('tbody', null, r.errors.map(function (e) {
              return el('tr', null, el('td', { text: e.sheet }), el('td', { text: String(e.row) }),
                el('td', { text: e.column || '' }), el('td', { text: e.value || '' }), el('td', { text: e.message }));
            }))));
        }
      }, function (e) { button.disabled = false; result.textContent = e.message; result.className = 'error-text'; });
    });
    show(el('section', { id: 'import' },
      el('h2', null, '导入', el('small', { text: 'import · 全国扶贫开发信息系统 户信息/家庭成员' })),
      el('p', { 'class': 'masked-note', text: '上传全国系统格式的户信息与家庭成员表（.xlsx；CSV 只能放一张表）。先“仅校验”，下载错误报告改正后再导入；已登记的农户按户编号或户主身份证号更新，不会重复登记。' }),
      form, result));
    return Promise.resolve();
  }

  // ---- routing -------------------------------------------------------------------------------------------------

  function parseHash() {
    var h = location.hash.replace(/^#/, '') || '/';
    var q = h.indexOf('?');
    var path = q >= 0 ? h.substring(0, q) : h;
    var params = {};
    if (q >= 0) {
      h.substring(q + 1).split('&').forEach(function (kv) {
        if (!kv) return;
        var i = kv.indexOf('=');
        params[decodeURIComponent(i < 0 ? kv : kv.substring(0, i))] = i < 0 ? '' : decodeURIComponent(kv.substring(i + 1));
      });
    }
    return { path: path, params: params };
  }

  function route() {
    if (!me) return;
    var token = ++renderToken;
    var r = parseHash();
    var parts = r.path.split('/').filter(Boolean);
    var name = parts[0] || 'dashboard';
    var active = name === 'household' || name === 'benefit' ? 'households' : name;
    Array.prototype.forEach.call(document.querySelectorAll('#nav a'), function (a) {
      a.classList.toggle('active', a.getAttribute('data-route') === active);
    });
    var done;
    switch (name) {
      case 'dashboard': done = dashboard(token); break;
      case 'areas': done = areas(token); break;
      case 'households': done = households(token, r.params); break;
      case 'household': done = householdCard(token, decodeURIComponent(parts.slice(1).join('/'))); break;
      case 'funds': done = funds(token, r.params); break;
      case 'downloads': done = downloads(); break;
      case 'cases': done = cases(token, r.params); break;
      case 'audit': done = audit(token, r.params); break;
      case 'import': done = importPage(); break;
      case 'notices': done = notices(token); break;
      case 'benefit': done = benefit(token, decodeURIComponent(parts.slice(1).join('/'))); break;
      default: show(el('p', { 'class': 'error', text: '页面不存在：' + r.path })); return;
    }
    done.then(function () {
      if (token === renderToken) view.setAttribute('data-ready', name);
    }, function (e) {
      if (token === renderToken) { show(failure(e)); view.setAttribute('data-ready', 'error'); }
    });
    view.removeAttribute('data-ready');
  }

  // ---- signing in and out ----------------------------------------------------------------------------------------

  /** The server said the session is gone (expired or never there): back to the login page. */
  function signedOut(body) {
    if (!me) return;
    me = null;
    showLogin(body && body.code === 'session.expired' ? '会话已过期，请重新登录。' : '');
  }

  function showLogin(note) {
    document.getElementById('nav').hidden = true;
    document.getElementById('who').textContent = '';
    view.removeAttribute('data-ready');
    var user = el('input', { type: 'text', id: 'login-user', name: 'username', autocomplete: 'username', required: true });
    var pass = el('input', { type: 'password', id: 'login-password', name: 'password', autocomplete: 'current-password', required: true });
    var message = el('p', { id: 'login-error', 'class': 'error-text', text: note || '' });
    var form = el('form', { id: 'login-form', 'class': 'login' },
      el('h2', { text: '登录 Sign in' }),
      el('label', { 'for': 'login-user', text: '用户名' }), user,
      el('label', { 'for': 'login-password', text: '密码' }), pass,
      el('button', { type: 'submit', id: 'login-submit', text: '登录' }), message);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      message.textContent = '';
      post('/api/login', { username: user.value, password: pass.value }).then(function (m) {
        pass.value = '';
        sessionStorage.removeItem('jz.year'); // a new sign-in starts at the latest year
        signedIn(m);
      }, function (e) { message.textContent = e.message; });
    });
    show(form);
    view.setAttribute('data-ready', 'login');
  }

  function signedIn(m) {
    me = m;
    var who = document.getElementById('who');
    who.textContent = '';
    var years = (m.years || []).slice().reverse();
    var stored = Number(sessionStorage.getItem('jz.year'));
    yearChosen = years.indexOf(stored) >= 0;
    selectedYear = yearChosen ? stored : (years.length ? years[0] : null);
    var select = el('select', { id: 'year-select', 'aria-label': '年度' }, years.map(function (y) {
      return el('option', { value: String(y), selected: y === selectedYear, text: y + ' 年度' });
    }));
    select.addEventListener('change', function () {
      selectedYear = Number(select.value);
      yearChosen = true;
      sessionStorage.setItem('jz.year', String(selectedYear));
      route();
    });
    var logout = el('button', { type: 'button', id: 'logout', text: '退出登录', onclick: function () {
      post('/api/logout', {}).then(function () { me = null; showLogin('已退出登录。'); },
        function () { me = null; showLogin(''); });
    } });
    append(who, [el('span', { id: 'who-name', text: m.displayName + ' · ' + m.scopeName + ' ' }),
      el('small', { text: m.personalDataVisible ? '可查看个人信息' : '个人信息已脱敏' }), ' ', select, ' ', logout]);
    document.getElementById('nav-audit').hidden = m.permissions.indexOf('AUDIT') < 0;
    document.getElementById('nav-import').hidden = m.permissions.indexOf('WRITE') < 0;
    document.getElementById('nav').hidden = false;
    route();
  }

  window.addEventListener('hashchange', route);
  api('/api/me').then(signedIn, function () { if (!me) showLogin(''); });
})();
