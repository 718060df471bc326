// Polls the dashboard's data every second and updates the page in place, without reloading it.
(function () {
  'use strict';

  const REFRESH_MILLIS = 1000;
  const rows = new Map();
  let embeddedSwf = false;

  function stateName(transcode) {
    if (transcode.state === 'RUNNING' && transcode.cancelRequested) {
      return 'cancelling';
    }
    if (transcode.state === 'CANCELED') {
      return 'cancelled';
    }
    return transcode.state.toLowerCase();
  }

  function age(millis) {
    if (millis === null || millis === undefined) {
      return '—';
    }
    return (millis / 1000).toFixed(1) + ' s ago';
  }

  function button(label, action, id) {
    const element = document.createElement('button');
    element.textContent = label;
    element.className = action;
    element.addEventListener('click', () => post('/api/transcodes/' + encodeURIComponent(id) + '/' + action, label));
    return element;
  }

  function createRow(transcode) {
    const row = document.createElement('tr');
    row.dataset.id = transcode.id;
    row.innerHTML = '<td class="id"><code></code></td><td class="video"></td>' +
      '<td><span class="state"></span><span class="outcome"></span></td>' +
      '<td><progress max="100" value="0"></progress></td><td class="details"></td>' +
      '<td class="heartbeat"></td><td class="heartbeats"></td><td class="task"></td><td class="buttons"></td>';
    row.querySelector('.id code').textContent = transcode.id;
    const buttons = row.querySelector('.buttons');
    buttons.appendChild(button('Cancel', 'cancel', transcode.id));
    if (embeddedSwf) {
      buttons.appendChild(button('Time out', 'time-out', transcode.id));
    }
    return row;
  }

  function updateRow(row, transcode) {
    const state = stateName(transcode);
    row.className = 'row-' + state;
    row.querySelector('.video').textContent = transcode.video;
    const badge = row.querySelector('.state');
    badge.textContent = state;
    badge.className = 'state state-' + state;
    let outcome = transcode.outcome || '';
    if (transcode.cancellationLatencyMillis !== null) {
      outcome += (outcome ? ' · ' : '') + 'noticed ' + (transcode.cancellationLatencyMillis / 1000).toFixed(1) + ' s after the request';
    }
    row.querySelector('.outcome').textContent = outcome;
    row.querySelector('progress').value = transcode.progress;
    row.querySelector('progress').textContent = transcode.progress + '%';
    row.querySelector('.details').textContent = transcode.details || '';
    const finished = !['SCHEDULED', 'RUNNING'].includes(transcode.state);
    row.querySelector('.heartbeat').textContent = finished ? '—' : age(transcode.lastHeartbeatAgeMillis);
    row.querySelector('.heartbeats').textContent = transcode.heartbeatsSent;
    row.querySelector('.task').textContent = transcode.task || '—';
    row.querySelectorAll('.buttons button').forEach((element) => {
      element.disabled = finished || (element.className === 'cancel' && transcode.cancelRequested) ||
        (element.className === 'time-out' && transcode.state !== 'RUNNING');
    });
  }

  function render(dashboard) {
    embeddedSwf = dashboard.embeddedSwf;
    document.getElementById('endpoint').textContent = embeddedSwf ? 'the embedded SWF endpoint' : 'Amazon SWF';
    document.getElementById('metric-active').textContent = dashboard.metrics.activeTasks;
    document.getElementById('metric-calls').textContent = dashboard.metrics.heartbeatCalls;
    document.getElementById('metric-cancellations').textContent = dashboard.metrics.cancellations;
    document.getElementById('metric-lost').textContent = dashboard.metrics.tasksLost;
    const body = document.querySelector('#transcodes tbody');
    const seen = new Set();
    dashboard.transcodes.forEach((transcode, index) => {
      seen.add(transcode.id);
      let row = rows.get(transcode.id);
      if (!row) {
        row = createRow(transcode);
        rows.set(transcode.id, row);
      }
      updateRow(row, transcode);
      if (body.children[index] !== row) {
        body.insertBefore(row, body.children[index] || null);
      }
    });
    rows.forEach((row, id) => {
      if (!seen.has(id)) {
        row.remove();
        rows.delete(id);
      }
    });
    document.getElementById('empty').hidden = dashboard.transcodes.length > 0;
  }

  function renderHealth(health) {
    const status = document.getElementById('health-status');
    status.textContent = health.status;
    status.className = 'value status-' + health.status;
    const engine = health.components && health.components.swfHeartbeat;
    const details = document.getElementById('health-details');
    if (engine && engine.details) {
      const parts = ['swfHeartbeat ' + engine.status];
      if (engine.details.lastSuccessfulHeartbeatAge) {
        parts.push('last success ' + engine.details.lastSuccessfulHeartbeatAge.replace('PT', '').toLowerCase() + ' ago');
      }
      parts.push('rate limit ' + engine.details.currentRateLimit + '/s');
      details.textContent = parts.join(' · ');
    }
  }

  function message(text) {
    document.getElementById('message').textContent = text;
  }

  function post(url, label) {
    fetch(url, { method: 'POST' })
      .then((response) => response.ok ? message(label + ': requested') :
        response.text().then((text) => message(label + ' refused: ' + text)))
      .catch((error) => message(label + ' failed: ' + error))
      .then(refresh);
  }

  function refresh() {
    fetch('/api/dashboard').then((response) => response.json()).then(render).catch((error) => message('Update failed: ' + error));
    // Health answers 503 when DOWN, still with its JSON body.
    fetch('/actuator/health').then((response) => response.json()).then(renderHealth).catch(() => {});
  }

  document.getElementById('start').addEventListener('click', () => post('/api/transcodes', 'Start'));
  refresh();
  setInterval(refresh, REFRESH_MILLIS);
}());
