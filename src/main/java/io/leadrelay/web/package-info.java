/**
 * Web plumbing shared by every feature's {@code web} adapter: reading request bodies
 * field by field ({@link io.leadrelay.web.JsonBody}), request errors that name their
 * field ({@link io.leadrelay.web.InvalidRequestException}) and their translation into
 * problem JSON. No feature logic lives here, and no feature is depended on: each feature
 * maps its own exceptions in its {@code web} package.
 */
package io.leadrelay.web;
