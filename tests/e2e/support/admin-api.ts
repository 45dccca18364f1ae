import { expect, type APIRequestContext } from "@playwright/test";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";

export type { ApiScope };

/** What the specs ask of the API; one token per worker carries them all (fixtures.ts). */
export const ADMIN_API_SCOPES: readonly ApiScope[] = [
  "users:write",
  "payments:write",
  "family",
  "upgrades",
  "dev",
];

export interface PaymentRequest {
  items: { subscription_type_code: string }[];
  status?: "paid";
  gateway?: "demo" | "manual";
  recurrent?: { card_token: string };
}

/** The v1 API with an admin's token, as an integration would use it: customers and their payments made directly. */
export class AdminApi {
  constructor(private readonly request: APIRequestContext) {}

  async get<T>(path: string): Promise<T> {
    const response = await this.request.get(`/api/v1${path}`);
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
    return (await response.json()) as T;
  }

  async post<T>(path: string, data: unknown): Promise<T> {
    const response = await this.request.post(`/api/v1${path}`, { data });
    expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  }

  async createUser(user: {
    email: string;
    password?: string;
    name?: string;
  }): Promise<{ id: number }> {
    return (await this.post<{ user: { id: number } }>("/users", user)).user;
  }

  async createPayment(userId: number, payment: PaymentRequest): Promise<{ id: number }> {
    return (
      await this.post<{ payment: { id: number } }>("/payments", { user_id: userId, ...payment })
    ).payment;
  }

  /** Move the server's dev clock forward (local executor only). Tests that do run last (playwright.config.ts). */
  async advanceClock(minutes: number) {
    const response = await this.request.post("/api/dev/clock", {
      data: { advance_minutes: minutes },
    });
    expect(response.status(), await response.text()).toBe(200);
  }
}
