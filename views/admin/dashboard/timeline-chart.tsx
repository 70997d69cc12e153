// Cumulative confirmed registrations per day as an inline SVG bar chart, with the numbers in a table.
import { t } from '../../../src/i18n/catalogue.js';
import { TableWrap } from '../../components/table-wrap.js';
import type { TimelineDay } from '../../../src/admin/dashboard.service.js';
import { ChartFrame } from './chart-frame.js';
import { niceCeiling, round, ticks } from './chart-scale.js';
import { dayLabel, timelineCaption } from './dashboard-sentences.js';

// A narrow viewBox keeps the 14-unit labels readable when the chart shrinks to a phone's width.
const WIDTH = 360;
const HEIGHT = 220;
const PLOT = { left: 44, right: 12, top: 12, bottom: 36 };

export function TimelineChart({ timeline }: { timeline: readonly TimelineDay[] }) {
  if (timeline.length === 0) return <p class="muted">{t('workspacePages.dashboard.noneYet')}</p>;
  const first = timeline[0]!;
  const last = timeline[timeline.length - 1]!;
  const top = niceCeiling(last.total);
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / timeline.length;
  // A gap between bars only while they are wide enough to show one.
  const barWidth = slot > 4 ? slot * 0.8 : slot;
  const y = (value: number) => PLOT.top + plotHeight - (value / top) * plotHeight;
  const summary = timelineCaption(timeline);
  return (
    <ChartFrame
      id="timeline"
      width={WIDTH}
      height={HEIGHT}
      title={t('workspacePages.dashboard.timeline.title')}
      description={t('workspacePages.dashboard.timeline.description', { summary })}
      caption={summary}
    >
      {ticks(top).map((tick) => (
        <g>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={round(y(tick))} y2={round(y(tick))} stroke="#d9dee5" stroke-width="1" />
          <text x={PLOT.left - 6} y={round(y(tick) + 4)} text-anchor="end" fill="#556070">
            {tick}
          </text>
        </g>
      ))}
      {timeline.map((day, index) => (
        <rect
          x={round(PLOT.left + index * slot + (slot - barWidth) / 2)}
          y={round(y(day.total))}
          width={round(barWidth)}
          height={round(y(0) - y(day.total))}
          fill="#0b5cad"
        >
          <title>{`${dayLabel(day.day, true)}: ${day.total}`}</title>
        </rect>
      ))}
      <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(0)} y2={y(0)} stroke="#556070" stroke-width="1" />
      <text x={PLOT.left} y={HEIGHT - 14} text-anchor="start" fill="#556070">
        {dayLabel(first.day, true)}
      </text>
      {timeline.length > 1 ? (
        <text x={WIDTH - PLOT.right} y={HEIGHT - 14} text-anchor="end" fill="#556070">
          {dayLabel(last.day, true)}
        </text>
      ) : null}
    </ChartFrame>
  );
}

/** The same numbers for screen readers and print: only the days on which something changed. */
export function TimelineTable({ timeline }: { timeline: readonly TimelineDay[] }) {
  const days = timeline.filter((day) => day.added > 0);
  if (days.length === 0) return null;
  return (
    <TableWrap label={t('workspacePages.dashboard.timeline.tableLabel')}>
      <table>
        <caption>{t('workspacePages.dashboard.timeline.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workspacePages.dashboard.timeline.day')}</th>
            <th scope="col">{t('workspacePages.dashboard.timeline.newConfirmed')}</th>
            <th scope="col">{t('workspacePages.dashboard.timeline.total')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr>
              <td>
                <time datetime={day.day}>{dayLabel(day.day, true)}</time>
              </td>
              <td>{day.added}</td>
              <td>{day.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
