// The parts of @anthropic-ai/sdk the driver uses, imported by name from the SDK's own modules. The
// package's entry is the full client (`Anthropic`), which builds every resource (beta, files,
// skills, organization, ...) and so pulls in all of them: the bundles' SDK file was 632 KB with it,
// and is 128 KB with these (about 5 ms less to compile at the first call). The bundles serve this
// file as the SDK's vendor group (scripts/bundle/lazy-vendors.mjs), so its exports decide what the
// group holds; the driver imports it only on the first call.
export { BaseAnthropic } from '@anthropic-ai/sdk/client';
export { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk/core/error';
export { Messages } from '@anthropic-ai/sdk/resources/messages/messages';
export { Models } from '@anthropic-ai/sdk/resources/models';
