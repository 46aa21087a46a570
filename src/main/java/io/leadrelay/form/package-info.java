/**
 * Lead forms: each connected page's forms with their questions, read from Meta and kept,
 * so that the mapping editor and the test lead can offer a form's questions.
 */
package io.leadrelay.form;
