import { CloseButton, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { readConsumerFilter } from "../lib/consumerFilter";

/**
 * A "consumer id" filter for VPS.NET's lists, which the provider filters on
 * its side: the list is asked again once typing pauses, never for an id
 * that is not one (the field says why).
 */
export function useConsumerFilter(testId: string) {
  const [text, setText] = useState("");
  const [settled] = useDebouncedValue(text, 400);
  const read = readConsumerFilter(text);
  const consumer = readConsumerFilter(settled).consumer;
  const input = (
    <TextInput
      size="xs"
      w={200}
      label="Consumer id"
      placeholder="all"
      value={text}
      error={read.error}
      onChange={(e) => setText(e.currentTarget.value)}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear the consumer filter" onClick={() => setText("")} /> : null}
      data-testid={testId}
    />
  );
  return { consumer, input };
}
