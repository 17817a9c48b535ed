import type { Handlers } from '../handlers';
import { resultsReport } from '../results/totals';
import { campaignDetail, campaignLinks } from './detail';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  restoreCampaign,
  updateCampaign,
} from './service';
import { rejectIssues } from './validate';

export const campaignHandlers = {
  'campaigns.list': (input, ctx) => listCampaigns(ctx, input),
  'campaigns.get': (input, ctx) => getCampaign(ctx, input.id),
  'campaigns.create': (input, ctx) => createCampaign(ctx, input),
  'campaigns.update': (input, ctx) => updateCampaign(ctx, input.id, input.patch),
  'campaigns.delete': (input, ctx) => deleteCampaign(ctx, input.id),
  'campaigns.restore': (input, ctx) => restoreCampaign(ctx, input.id),
  'campaigns.detail': (input, ctx) => campaignDetail(ctx, input.id),
  'campaigns.links': (input, ctx) => campaignLinks(ctx, input),
  'campaigns.results': (input, ctx) => {
    if (input.to < input.from)
      rejectIssues('Period', [{ field: 'to', message: 'the last day is before the first day' }]);
    return resultsReport(ctx, { startDate: input.from, endDate: input.to }, input.planId);
  },
} satisfies Partial<Handlers>;
