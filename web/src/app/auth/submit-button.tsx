import { Button } from 'antd';
import type { ReactNode } from 'react';

/** The full-width primary button that ends each sign-in step, spinning while it submits. */
export function SubmitButton(props: { loading: boolean; testId: string; children: ReactNode }) {
  return (
    <Button
      type="primary"
      htmlType="submit"
      block
      size="large"
      loading={props.loading}
      data-testid={props.testId}
    >
      {props.children}
    </Button>
  );
}
