/**
 * The application menu: editing and zoom for the keyboard, quitting. No help links or "learn
 * more" items, because nothing in the workstation opens a web page.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installApplicationMenu(devTools: boolean): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Үлкейту' },
    { role: 'zoomOut', label: 'Кішірейту' },
    { role: 'resetZoom', label: 'Бастапқы өлшем' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Толық экран' },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Файл', submenu: [{ role: 'quit', label: 'Шығу' }] },
      {
        label: 'Түзету',
        submenu: [
          { role: 'undo', label: 'Болдырмау' },
          { role: 'redo', label: 'Қайталау' },
          { type: 'separator' },
          { role: 'cut', label: 'Қию' },
          { role: 'copy', label: 'Көшіру' },
          { role: 'paste', label: 'Қою' },
          { role: 'selectAll', label: 'Барлығын белгілеу' },
        ],
      },
      { label: 'Көрініс', submenu: view },
    ]),
  );
}
