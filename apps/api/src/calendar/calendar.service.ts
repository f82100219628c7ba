import { BadRequestException, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CalendarError,
  CalendarSnapshot,
  WorkingDayCalendar,
  withYearSchedule,
} from '../../../../libs/calendar/src/core';
import { chineseDaysSnapshot } from '../../../../libs/calendar/src';
import { calendarInForce, runningProjectIds, saveYear } from '../../../../libs/persistence/src';
import { calendarUpdatedSignal } from '../../../../libs/temporal/src';
import type { Principal } from '../auth/principal';
import { TemporalClient } from '../temporal/temporal.module';

export interface YearScheduleInput {
  holidays: string[];
  workdays: string[];
  official?: boolean;
}

/**
 * The working-day calendar in force: mainland China from `chinese-days`, with the years an
 * administrator loaded (stored in `calendar_years`) applied over it. Loading a year replaces the
 * snapshot for new projects and signals every running project, whose clocks then recount.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private readonly log = new Logger(CalendarService.name);
  private readonly bundled: CalendarSnapshot = chineseDaysSnapshot();
  private snapshotValue: CalendarSnapshot = this.bundled;
  private readonly byVersion = new Map<string, WorkingDayCalendar>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** Rebuilds the snapshot from the bundled calendar and the stored years. */
  async reload(): Promise<CalendarSnapshot> {
    this.snapshotValue = await calendarInForce(this.ds, this.bundled);
    return this.snapshotValue;
  }

  get snapshot(): CalendarSnapshot {
    return this.snapshotValue;
  }

  get current(): WorkingDayCalendar {
    return this.forSnapshot(this.snapshotValue);
  }

  forSnapshot(s: CalendarSnapshot): WorkingDayCalendar {
    let cal = this.byVersion.get(s.version);
    if (!cal) this.byVersion.set(s.version, (cal = WorkingDayCalendar.fromSnapshot(s)));
    return cal;
  }

  today(): string {
    return this.current.localDate(Date.now());
  }

  /** Runs a calendar call, turning its typed refusals into a 400 naming the argument. */
  answer<T>(fn: (cal: WorkingDayCalendar) => T): T {
    try {
      return fn(this.current);
    } catch (err) {
      if (err instanceof CalendarError) throw new BadRequestException(err.message);
      throw err;
    }
  }

  years() {
    const s = this.snapshotValue;
    return {
      version: s.version,
      source: s.source,
      firstYear: s.firstYear,
      lastYear: s.lastYear,
      years: s.years.map((y) => ({
        year: y.year,
        official: y.official,
        holidays: y.holidays.length,
        workdays: y.workdays.length,
      })),
    };
  }

  /**
   * Stores a year's schedule (e.g. the State Council's notice for next year), makes it the
   * calendar of new projects and signals every running project. Answers how many took it.
   */
  async loadYear(admin: Principal, year: number, input: YearScheduleInput) {
    const schedule = {
      year,
      holidays: [...new Set(input.holidays)].sort(),
      workdays: [...new Set(input.workdays)].sort(),
      official: input.official ?? true,
    };
    let next: CalendarSnapshot;
    try {
      next = withYearSchedule(this.snapshotValue, schedule, `${this.bundled.source}+admin`);
    } catch (err) {
      if (err instanceof CalendarError) throw new BadRequestException(err.message);
      throw err;
    }
    await saveYear(this.ds, schedule, admin.username);
    const previous = this.snapshotValue.version;
    const snapshot = await this.reload();
    const ids = await runningProjectIds(this.ds);
    const signalled = await this.temporal.signalProjects(ids, calendarUpdatedSignal, [snapshot]);
    return { year, previousVersion: previous, version: next.version, ...signalled };
  }
}
