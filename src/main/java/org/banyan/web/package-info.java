/** Theme resolution, page layout, languages, the home page and the error shape of pages and API. */
package org.banyan.web;
