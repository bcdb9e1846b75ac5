import { useForm } from "@mantine/form";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { applyFieldErrors } from "../lib/formErrors";

const refusal = (fields: { field: string; message: string }[]) => ({ kind: "validation", message: "Vultr refused the request: fix the marked fields.", fields });

describe("the field-error mapper", () => {
  it("puts each field error under its field, and what has no field in the form's message", () => {
    const { result } = renderHook(() => useForm({ mode: "controlled", initialValues: { name: "", region: null as string | null } }));
    let failure!: ReturnType<typeof applyFieldErrors>;
    act(() => {
      failure = applyFieldErrors(result.current, refusal([
        { field: "name", message: "the name is taken" },
        { field: "hostname", message: "too long" },
      ]));
    });
    expect(result.current.errors).toEqual({ name: "the name is taken" });
    expect(failure).toEqual({ message: "Vultr refused the request: fix the marked fields.\nhostname: too long", placed: true });
  });

  it("maps a backend field name onto the form's, and says when nothing found a field", () => {
    const { result } = renderHook(() => useForm({ mode: "controlled", initialValues: { ip: "" } }));
    act(() => {
      applyFieldErrors(result.current, refusal([{ field: "ip_address", message: "not an address" }]), { ip_address: "ip" });
    });
    expect(result.current.errors).toEqual({ ip: "not an address" });
    expect(applyFieldErrors(result.current, "the app is shutting down")).toEqual({ message: "the app is shutting down", placed: false });
  });
});
