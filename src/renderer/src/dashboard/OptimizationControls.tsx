/** Start optimization now, or schedule it for quiet hours (a local time window, which may cross midnight). */
import { useState, type FormEvent } from 'react';
import { messageOf } from '../app/api-client';
import { useOptimization } from './dashboard-mutations';

export function OptimizationControls() {
  const optimization = useOptimization();
  const [start, setStart] = useState('22:00');
  const [end, setEnd] = useState('06:00');
  const [said, setSaid] = useState('');
  const busy = optimization.isPending;

  const run = (ask: Parameters<typeof optimization.mutate>[0], done: string) =>
    optimization.mutate(ask, { onSuccess: () => setSaid(done), onError: (error) => setSaid(`That did not work: ${messageOf(error)}`) });

  const schedule = (event: FormEvent) => {
    event.preventDefault();
    run({ kind: 'schedule', start, end }, `Optimization scheduled for ${start}–${end}.`);
  };

  return (
    <section className="dash-panel" aria-labelledby="optimize-title">
      <h3 id="optimize-title">Optimize</h3>
      <p className="dash-small dash-muted">Tries the current proposals one at a time, keeping a change only when it measurably helps and rolling it back otherwise.</p>
      <div className="dash-row">
        <button type="button" className="primary" disabled={busy} onClick={() => run({ kind: 'start' }, 'Optimization started; its trials appear below.')}>
          Start optimization
        </button>
      </div>
      <form className="dash-row" onSubmit={schedule} aria-label="Schedule for quiet hours">
        <label>
          From <input type="time" value={start} required onChange={(e) => setStart(e.currentTarget.value)} />
        </label>
        <label>
          until <input type="time" value={end} required onChange={(e) => setEnd(e.currentTarget.value)} />
        </label>
        <button type="submit" className="dash-button" disabled={busy || !start || !end}>
          Schedule for quiet hours
        </button>
      </form>
      <p role="status" className="dash-small">
        {busy ? 'Working…' : said}
      </p>
    </section>
  );
}
