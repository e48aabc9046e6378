/**
 * The terminal UI's data layer: the legal officer's calls to the server, over the tRPC client with the
 * stored token, each watched by the `ConnectionWatch` (a lost server is noted, retried and announced when
 * back). Screens call these and show what comes back; no rule is decided here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TRPCClientError } from "@trpc/client";
import { type ApiClient, bearerClient } from "../session/api-client.js";
import { ConnectionWatch } from "./connection.js";
import { type DocumentKindName, fileNameOf } from "./documents.js";
import type { Regime } from "./legal-steps.js";
import { buildQueues } from "./queues.js";
import type { StatisticsPeriod } from "./statistics.js";

type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
export type ProceedingFile = Answer<ApiClient["wrongCase"]["get"]["query"]>;
export type RecordFile = Answer<ApiClient["interference"]["get"]["query"]>;
export type Me = Answer<ApiClient["auth"]["me"]["query"]>;
export type IssuedDocument = Answer<ApiClient["documents"]["list"]["query"]>[number];
export type UserNotification = Answer<ApiClient["notifications"]["list"]["query"]>[number];

/** A document generated and the files saved from it. */
export interface SavedDocument {
  readonly number: string;
  readonly verificationCode: string;
  readonly paths: ReadonlyArray<string>;
}

/** A file of either regime, as the detail screen shows it. */
export type CaseFile =
  | { readonly regime: "wrong-case"; readonly id: string; readonly file: ProceedingFile }
  | { readonly regime: "interference"; readonly id: string; readonly file: RecordFile };

/** What the server said when it refused, in both languages, with the field it names. */
export interface Refusal {
  readonly zh: string;
  readonly en: string;
  readonly field: string | null;
  readonly lostConnection: boolean;
}

export const refusalOf = (error: unknown): Refusal => {
  if (error instanceof TRPCClientError && error.data) {
    const data = error.data as { zh?: string; en?: string; field?: ReadonlyArray<string | number> | null };
    return {
      zh: data.zh ?? error.message,
      en: data.en ?? error.message,
      field: data.field && data.field.length > 0 ? data.field.join(".") : null,
      lostConnection: false,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    zh: `无法连接服务器，未保存任何内容（${message}）`,
    en: `the server could not be reached; nothing was saved (${message})`,
    field: null,
    lostConnection: true,
  };
};

const proceedingRef = (regime: Regime, id: string) =>
  regime === "wrong-case" ? ({ kind: "wrong-case", id } as const) : ({ kind: "interference", id } as const);

export class LegalDesk {
  readonly connection: ConnectionWatch;

  constructor(
    private readonly client: ApiClient,
    retryMs = 2_000,
    /** Where files are downloaded from, with the token (documents are bytes, not tRPC). */
    private readonly files: { readonly server: string; readonly token: string } | null = null,
  ) {
    this.connection = new ConnectionWatch(() => client.auth.me.query(), retryMs);
  }

  static withToken(server: string, token: string, retryMs?: number): LegalDesk {
    return new LegalDesk(bearerClient(server, token), retryMs, { server, token });
  }

  me(): Promise<Me> {
    return this.connection.guard(() => this.client.auth.me.query());
  }

  /** The queues as the server judged them, on its case clock's day. */
  queues() {
    return this.connection.guard(async () => buildQueues(await this.client.oversight.workQueues.query()));
  }

  open(regime: Regime, id: string): Promise<CaseFile> {
    return this.connection.guard(async () =>
      regime === "wrong-case"
        ? { regime, id, file: await this.client.wrongCase.get.query({ proceedingId: id }) }
        : { regime, id, file: await this.client.interference.get.query({ recordId: id }) },
    );
  }

  /** One step of either regime on the file as last seen (its version), with the step's own fields. */
  step(target: CaseFile, procedure: string, fields: Readonly<Record<string, unknown>>): Promise<unknown> {
    const base =
      target.regime === "wrong-case"
        ? { proceedingId: target.id, expectedVersion: target.file.version }
        : { recordId: target.id, expectedVersion: target.file.version };
    const routerOf = target.regime === "wrong-case" ? this.client.wrongCase : this.client.interference;
    const call = (routerOf as unknown as Record<string, { mutate?: (input: unknown) => Promise<unknown> }>)[
      procedure
    ];
    if (call?.mutate === undefined) return Promise.reject(new Error(`no procedure ${procedure}`));
    const mutate = call.mutate;
    return this.connection.guard(() => mutate({ ...base, ...fields }));
  }

  /** IF.4 检查: a record drawn in a spot check, checked on the version last seen. */
  checkSampledRecord(drawId: string, target: CaseFile): Promise<unknown> {
    return this.connection.guard(() =>
      this.client.oversight.checkSampledRecord.mutate({
        drawId,
        recordId: target.id,
        expectedVersion: target.file.version,
      }),
    );
  }

  /** IF.4 抽查: the sample drawn from a committed spot check. */
  drawSpotCheck(drawId: string): Promise<unknown> {
    return this.connection.guard(() => this.client.oversight.drawSpotCheck.mutate({ drawId }));
  }

  /** IF.4 抽查, first step: the period and sizes fixed before anything is drawn. */
  commitSpotCheck(input: {
    from: string;
    to: string;
    records: number;
    handlers: number;
    purpose: string | null;
  }): Promise<unknown> {
    return this.connection.guard(() => this.client.oversight.commitSpotCheck.mutate(input));
  }

  /** The official documents issued from a file (issue 8). */
  documents(regime: Regime, id: string): Promise<ReadonlyArray<IssuedDocument>> {
    return this.connection.guard(() =>
      this.client.documents.list.query({ proceeding: proceedingRef(regime, id) }),
    );
  }

  /**
   * Generates one document (a number is taken in the permanent log) and saves its PDF and DOCX into
   * `directory`, which the caller has checked (`checkDirectory`) before asking for this.
   */
  async generateDocument(
    regime: Regime,
    id: string,
    kind: DocumentKindName,
    directory: string,
  ): Promise<SavedDocument> {
    const issued = await this.connection.guard(() =>
      this.client.documents.generate.mutate({ proceeding: proceedingRef(regime, id), kind }),
    );
    const paths: string[] = [];
    for (const file of issued.files) {
      const { name, bytes } = await this.download(file.path, `${issued.number}.${file.format}`);
      const target = path.join(directory, name);
      fs.writeFileSync(target, bytes);
      paths.push(target);
    }
    return { number: issued.number, verificationCode: issued.verificationCode, paths };
  }

  /** A file the server keeps (`/documents/<sha256>`), with the name it gives it. */
  private async download(at: string, fallback: string): Promise<{ name: string; bytes: Uint8Array }> {
    if (this.files === null) throw new Error("this desk has no server address to download from");
    const { server, token } = this.files;
    const response = await this.connection.guard(() =>
      fetch(`${server}${at}`, { headers: { authorization: `Bearer ${token}` } }),
    );
    if (!response.ok) throw new Error(`${at}: the server answered ${response.status}`);
    return {
      name: fileNameOf(response.headers.get("content-disposition"), fallback),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }

  /** The caller's own notifications, newest first. */
  notifications(): Promise<ReadonlyArray<UserNotification>> {
    return this.connection.guard(() => this.client.notifications.list.query({}));
  }

  unreadCount(): Promise<number> {
    return this.connection.guard(() => this.client.notifications.unreadCount.query());
  }

  markRead(notificationId: string): Promise<unknown> {
    return this.connection.guard(() => this.client.notifications.markRead.mutate({ notificationId }));
  }

  /** The figures over a period: interference records, and wrong cases where the caller may read them. */
  statistics(period: StatisticsPeriod) {
    return this.connection.guard(async () => {
      const [interference, wrongCases] = await Promise.all([
        this.client.oversight.statistics.query(period),
        // The wrong-case figures are the legal section's and the head's (WC.10): for others, none.
        this.client.oversight.wrongCaseStatistics
          .query(period)
          .catch((error: unknown) =>
            error instanceof TRPCClientError && error.data?.code === "FORBIDDEN"
              ? null
              : Promise.reject(error),
          ),
      ]);
      return { interference, wrongCases };
    });
  }

  close(): void {
    this.connection.stop();
  }
}
