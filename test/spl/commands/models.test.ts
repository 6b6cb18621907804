// apply, fit, outlier and anomalydetection: models and the fields they work on.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('model and outlier commands', () => {
  it('apply reads the model, its output name and options', () => {
    assert.deepEqual(readClean('apply dns_query_pdfmodel threshold=0.01'), {
      kind: 'apply', model: 'dns_query_pdfmodel', as: null, options: { threshold: '0.01' },
    });
    assert.deepEqual(readClean('apply m1 as score'), {
      kind: 'apply', model: 'm1', as: 'score', options: {},
    });
  });

  it('fit reads the algorithm, target, fields, model name and options', () => {
    assert.deepEqual(readClean('fit LinearRegression y from x1 x2 into m1 fit_intercept=true'), {
      kind: 'fit', algorithm: 'LinearRegression', target: 'y', fields: ['x1', 'x2'], by: [],
      into: 'm1', as: null, options: { fit_intercept: 'true' },
    });
    assert.deepEqual(readClean('fit DensityFunction count by "user" into m2'), {
      kind: 'fit', algorithm: 'DensityFunction', target: null, fields: ['count'], by: ['user'],
      into: 'm2', as: null, options: {},
    });
    assert.deepEqual(read('fit KMeans').issues, ['`fit` needs fields to fit on']);
  });

  it('outlier and anomalydetection read the action and fields', () => {
    assert.deepEqual(readClean('outlier action=RM count'), {
      kind: 'outlier', action: 'RM', options: {}, fields: ['count'],
    });
    assert.deepEqual(readClean('anomalydetection "count" "user" action=annotate pthresh=0.01'), {
      kind: 'anomalydetection', action: 'annotate', options: { pthresh: '0.01' },
      fields: ['count', 'user'],
    });
  });
});
