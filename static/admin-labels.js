'use strict';
// Names for back-office form controls that Django's admin leaves unnamed for screen readers:
// the autocomplete fields (select2 draws its own combobox and search box, tied to no <label>)
// and every field of a tabular inline (its column heading is no <label>). Each gets the name
// of its field's label, or of its column heading.
{
    const $ = window.django?.jQuery;  // only on admin pages with forms (and their widgets)

    function labelIdFor(control) {
        const label = control.id && document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
        if (label) {
            label.id ||= `${control.id}-label`;
            return label.id;
        }
        const cell = control.closest('td[class*="field-"]');
        const field = cell && [...cell.classList].find((name) => name.startsWith('field-'));
        const heading = field && cell.closest('table').querySelector(`thead th.column-${field.slice(6)}`);
        if (!heading) {
            return null;
        }
        heading.id ||= `${cell.closest('.inline-group').id}-column-${field.slice(6)}`;
        return heading.id;
    }

    function nameControls(root) {
        root.querySelectorAll('td[class*="field-"] :is(input, select, textarea)').forEach((control) => {
            const id = !control.labels?.length && control.type !== 'hidden' && labelIdFor(control);
            if (id) {
                control.setAttribute('aria-labelledby', id);
            }
        });
        root.querySelectorAll('select.admin-autocomplete:not([name*="__prefix__"])').forEach((select) => {
            const id = labelIdFor(select);
            const widget = select.nextElementSibling;
            if (!id || !widget?.classList.contains('select2')) {
                return;
            }
            // A single choice reads "<label> <chosen value>"; a multiple one's search box "<label>".
            const rendered = widget.querySelector('.select2-selection--single .select2-selection__rendered');
            if (rendered) {
                rendered.setAttribute('aria-labelledby', id);
                widget.querySelector('.select2-selection').setAttribute('aria-labelledby', `${id} ${rendered.id}`);
            }
            widget.querySelectorAll('.select2-selection--multiple, .select2-search__field').forEach(
                (element) => element.setAttribute('aria-labelledby', id)
            );
        });
    }

    if ($) {
        // After Django's autocomplete.js (loaded before this script) has drawn the widgets.
        $(() => nameControls(document));
        document.addEventListener('formset:added', (event) => nameControls(event.target));
    }
}
