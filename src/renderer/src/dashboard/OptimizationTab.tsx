/** Proposals with Apply, Start optimization and its schedule, the optimizations and their trials, tuned settings, and the audit. */
import { OptimizationControls } from './OptimizationControls';
import { OptimizationList } from './OptimizationList';
import { Suggestions } from './Suggestions';
import { TunedValues } from './TunedValues';
import { TunerTimeline } from './TunerTimeline';

export function OptimizationTab() {
  return (
    <div className="dash-panels">
      <OptimizationControls />
      <Suggestions />
      <OptimizationList />
      <TunedValues />
      <TunerTimeline />
    </div>
  );
}
