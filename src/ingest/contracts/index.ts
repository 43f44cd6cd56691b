import { curatorVisits, events, pdCourses, roadmap, roadmapStatus } from './activity.js';
import { egeResults, ogeResults, regionalAssessment, vprResults } from './assessments.js';
import { managerDiagnostics, teacherDiagnostics } from './diagnostics.js';
import { riskProfiles, surveyQuestions, surveyStatus, surveys } from './fisoko.js';
import { expertReview, medkDirections, medkDocuments, medkMonitoring } from './medk.js';
import { objectivityList, participants, regionalProgramme, schools, shnorList } from './registry.js';
import type { Contract } from './types.js';

/** Every source, in load order: the registry first, since other sources are checked against it. */
export const CONTRACTS: readonly Contract[] = [
  schools,
  participants,
  shnorList,
  regionalProgramme,
  objectivityList,
  riskProfiles,
  surveyStatus,
  surveys,
  surveyQuestions,
  medkDirections,
  medkDocuments,
  expertReview,
  medkMonitoring,
  curatorVisits,
  events,
  managerDiagnostics,
  teacherDiagnostics,
  pdCourses,
  vprResults,
  regionalAssessment,
  ogeResults,
  egeResults,
  roadmap,
  roadmapStatus,
];

export function contractBySource(source: string): Contract | undefined {
  return CONTRACTS.find((c) => c.source === source);
}

/** Sources that are kept by hand: `shnor template` writes an XLSX for them. */
export const HAND_KEPT_SOURCES = ['participants', 'curator_visits', 'events', 'roadmap_status', 'pd_courses'];

export type { ColumnSpec, Contract, ValueKind } from './types.js';
