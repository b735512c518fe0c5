/**
 * The providers module: the engines (built-in, Ollama, OpenAI-compatible, Gemini) and cultural sources (bundled, Qloo, cached).
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { BundledCultureSource } from './culture/bundled-culture';
export { CachedCultureSource, parseConstraints, Preloading, preloadPolicyOf } from './culture/cached-culture';
export type { PreloadPolicy } from './culture/cached-culture';
export { QlooCultureSource } from './culture/qloo-culture';
export { GeminiProvider } from './llm/gemini';
export { OFFLINE_PROVIDER_ID, OfflineEngine } from './llm/offline/offline-engine';
export { OllamaProvider } from './llm/ollama';
export { OpenAiCompatibleProvider } from './llm/openai-compatible';
export type { RemoteLlmProvider } from './llm/remote-llm';
export type { ChatAnswer, ChatContext, ChatMessage, ChatProvider, ChatRequest, CultureSource, CutAnswer, LlmProvider, PersonaRequest, ProviderContext, ProviderOutput } from './types';
