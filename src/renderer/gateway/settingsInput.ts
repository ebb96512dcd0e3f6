/** The gateway settings form as typed, and the call's input made from it. */
import type { GatewaySettings, GatewaySettingsInput } from '../../shared/gateway';

export interface GatewayFormValues extends Record<string, string> {
  endpoint: string;
  senderId: string;
  /** Typed only to change it: the stored password is never shown. */
  password: string;
  caPem: string;
  timeoutSeconds: string;
  pollIntervalSeconds: string;
}

export function formValues(settings: GatewaySettings): GatewayFormValues {
  return {
    endpoint: settings.endpoint ?? '',
    senderId: settings.senderId,
    password: '',
    caPem: settings.caPem ?? '',
    timeoutSeconds: String(settings.timeoutSeconds),
    pollIntervalSeconds: String(settings.pollIntervalSeconds),
  };
}

/** A whole number as typed; anything else stays not-a-number, for the contract to refuse. */
function whole(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function settingsInput(values: GatewayFormValues): GatewaySettingsInput {
  const caPem = values.caPem.trim();
  return {
    endpoint: values.endpoint.trim(),
    senderId: values.senderId.trim(),
    // Left empty, the stored password is kept.
    ...(values.password ? { password: values.password } : {}),
    caPem: caPem ? `${caPem}\n` : null,
    timeoutSeconds: whole(values.timeoutSeconds),
    pollIntervalSeconds: whole(values.pollIntervalSeconds),
  };
}
