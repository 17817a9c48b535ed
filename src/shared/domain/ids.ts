import { z } from 'zod';

/** Ids are UUIDs (v7 when created by Tandem). */
export const Id = z.uuid({ message: 'expected an id' });
export const IsoDate = z.iso.date({ message: 'expected a date like 2026-03-31' });
