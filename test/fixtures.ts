// Requests the tests send again and again: the worked example's billing-errors problem as flat parameters, and the
// whole worked example in the compact GET form.

export const BILLING =
  'customers=100000&lifetimeValue=500&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4&costPerComplaint=8';

export const WORKED_GET =
  'customers=100000&lifetimeValue=500' +
  '&problem=billing-errors,prevalence:0.12,complaintRate:0.5,outcomes:0.4/0.2/0.4,costPerComplaint:8' +
  '&problem=late-delivery,prevalence:0.2,complaintRate:0.25,outcomes:0.3/0.4/0.3,costPerComplaint:5' +
  '&investment=fix-billing,problems:billing-errors,prevalenceReduction:0.6,upfront:250000,annual:50000' +
  '&investment=better-handling,problems:all,outcomes:0.7/0.2/0.1,upfront:100000,annual:120000';
