/**
 * The example portal's web layer (门户): {@link org.jingzhun.example.web.PortalServer} serves a single-page UI from
 * {@code /public} on the classpath (plain HTML, CSS and JavaScript, charts drawn as inline SVG, no network needed)
 * and a JSON API, procedure steps and downloads over one {@link org.jingzhun.core.Jingzhun} instance, behind a sign-in
 * ({@link org.jingzhun.example.web.PortalLogin}) whose session decides the principal of every request. Personal data is
 * de-identified on every channel unless the principal may view it.
 */
package org.jingzhun.example.web;
