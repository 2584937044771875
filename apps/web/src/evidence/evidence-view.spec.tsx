import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEvidenceRoot } from './evidence-root';
import { RootCheckMark } from './evidence-view';

afterEach(cleanup);

describe('RootCheckMark', () => {
  const items = [{ name: 'a', body: 1 }, { name: 'b', body: 2 }];
  const good = checkEvidenceRoot({ items });
  const root = good.recomputedRoot;

  it('shows ✓ when the recomputed root equals the sealed one', () => {
    const check = checkEvidenceRoot({ items, root });
    render(<RootCheckMark check={check} sealedRoot={root} />);
    expect(screen.getByTestId('root-check').textContent).toContain('✓');
    expect(screen.getByTestId('root-check').textContent).toContain('matches the sealed root');
  });

  it('shows ✗ and the reason when it does not', () => {
    const check = checkEvidenceRoot({ items: [items[0], { name: 'b', body: 3 }], root });
    render(<RootCheckMark check={check} sealedRoot={root} />);
    expect(screen.getByTestId('root-check').textContent).toContain('✗');
    expect(screen.getByText('the recomputed root differs from the sealed root')).toBeTruthy();
  });
});
