/**
 * The engine behind {@link dev.kesgen.Kesgen}: certificates, the plan step, writing and checking. Not API: its types
 * are public only so that {@code dev.kesgen} can call them, and change without notice; use {@code dev.kesgen.Kesgen}.
 */
package dev.kesgen.engine;
